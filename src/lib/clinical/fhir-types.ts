// The small part of FHIR R4 that the vitals export writes: Observation in a collection Bundle.
// Field names and cardinalities follow the R4 specification (hl7.org/fhir/R4).

/** A code in a code system (R4 Coding). */
export interface Coding {
	system: string;
	code: string;
	display?: string;
}

/** Codes for one concept, with text as a person would say it (R4 CodeableConcept). */
export interface CodeableConcept {
	coding: Coding[];
	text?: string;
}

/** A measured amount with its UCUM unit (R4 Quantity). */
export interface Quantity {
	value: number;
	unit: string;
	system: 'http://unitsofmeasure.org';
	code: string;
}

/** A reference to another resource, e.g. 'Patient/123' (R4 Reference). */
export interface Reference {
	reference: string;
}

/** One part of a multi-part observation, e.g. systolic pressure within blood pressure. */
export interface ObservationComponent {
	code: CodeableConcept;
	valueQuantity: Quantity;
}

/** A measurement about a patient (R4 Observation), as far as the vitals export fills it. */
export interface Observation {
	resourceType: 'Observation';
	id: string;
	meta?: { profile: string[] };
	status: 'final' | 'entered-in-error';
	category: CodeableConcept[];
	code: CodeableConcept;
	subject: Reference;
	effectiveDateTime: string;
	performer?: Reference[];
	valueQuantity?: Quantity;
	interpretation?: CodeableConcept[];
	component?: ObservationComponent[];
	hasMember?: Reference[];
	note?: { text: string }[];
}

/** One resource in a bundle, with its absolute URL when the server's base is known. */
export interface BundleEntry {
	fullUrl?: string;
	resource: Observation;
}

/** A set of resources sent together for no particular action (R4 Bundle, type collection). */
export interface Bundle {
	resourceType: 'Bundle';
	type: 'collection';
	entry: BundleEntry[];
}
