/** Synthetic given and family names, mixed origins and accents (search must fold them). */

export const GIVEN = [
	...['Amara', 'Benjamin', 'Chloé', 'Daniel', 'Elena', 'Farah', 'Gabriel', 'Hana', 'Isaac'],
	...['Jasmine', 'Kwame', 'Lucía', 'Marcus', 'Nadia', 'Oliver', 'Priya', 'Quinn', 'Rafael'],
	...['Sofia', 'Theo', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoë', 'Aaliyah', 'Bruno', 'Dmitri']
];

export const FAMILY = [
	...['Abernathy', 'Bianchi', 'Castillo', 'Dubois', 'Eriksen', 'Fitzgerald', 'García'],
	...['Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor'],
	...['Patel', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Urquhart', 'Valdez', 'Whitfield']
];
