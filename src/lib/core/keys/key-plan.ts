/**
 * What the office's keys should look like, compared with what they are: the reconciliation a
 * manager's device runs after every change it sees (reconcile.ts). Pure.
 *
 * For each area, the newest key must be held by exactly the people whose roles grant the area
 * now (`keepers`), each through their current public key — and must not be a key an office made
 * before signed changes carried over (its genesis' grants: anyone could have planted it):
 * - someone holds it who should not (a role taken away, a sign-in turned off, two managers'
 *   changes that crossed offline), or a holder replaced their keys after it was made (the old
 *   ones may be known): the area needs a new key, wrapped only to the keepers (`rotate`);
 * - otherwise, a keeper who lacks it is given it, with the area's older keys, so they read its
 *   history (`give`);
 * - an area nobody has a key for gets its first one (`rotate` too).
 * The people key: once a device has been removed, the newest people key must be one that device
 * never had; otherwise each remaining device that can receive it (it has published an encryption
 * key) and lacks it is sent it. The audit log: the newest audit-read key must seal an audit key
 * pair that entries are written to (`auditKey`).
 */
import {
	AUDIT_READ_AREA,
	grantsOf,
	newestAreaKey,
	newestAuditKey,
	newestPeopleKey,
	type AuthorityState,
	type PersonState
} from '../authority/state';

export interface KeyPlan {
	/** Areas that need a new key. */
	rotate: string[];
	/** People missing an area's newest key, with the areas they should be given. */
	give: { personId: string; areas: string[] }[];
	/** A new people key, or devices the newest one should be wrapped to, or nothing. */
	peopleKey: { rotate: true } | { rotate: false; wrapTo: string[] } | null;
	/** Whether the newest audit-read key needs an audit key pair (after it is rotated too). */
	auditKey: boolean;
}

/** Compares the state with who should hold which key; an empty plan means nothing to do. */
export function planKeys(
	state: AuthorityState,
	areas: readonly string[],
	keepers: (area: string) => readonly PersonState[]
): KeyPlan {
	const rotate: string[] = [];
	const give = new Map<string, string[]>();
	for (const area of areas) {
		const should = new Set(keepers(area).map((person) => person.id));
		const newest = newestAreaKey(state, area);
		if (!newest) {
			if (should.size > 0) rotate.push(area);
			continue;
		}
		const holders = [...state.grants.values()].filter(
			(grant) => grant.area === area && grant.epoch === newest.epoch && grant.keyId === newest.keyId
		);
		// Keys the genesis carried over from an office made before signed changes (position 0).
		const carried = newest.since === 0;
		const exposed =
			carried ||
			holders.some((grant) => {
				const person = state.persons.get(grant.personId);
				return (
					!should.has(grant.personId) ||
					!person ||
					(person.rekeyedAt !== null && person.rekeyedAt > newest.since)
				);
			});
		if (exposed) {
			rotate.push(area);
			continue;
		}
		for (const id of should) {
			const person = state.persons.get(id)!;
			const current = holders.some((g) => g.personId === id && g.to === person.fingerprint);
			if (!current) give.set(id, [...(give.get(id) ?? []), area]);
		}
	}
	return {
		rotate,
		give: [...give].map(([personId, list]) => ({ personId, areas: list })),
		peopleKey: planPeopleKey(state),
		auditKey:
			areas.includes(AUDIT_READ_AREA) &&
			(rotate.includes(AUDIT_READ_AREA) ||
				(newestAreaKey(state, AUDIT_READ_AREA) !== null && newestAuditKey(state) === null))
	};
}

function planPeopleKey(state: AuthorityState): KeyPlan['peopleKey'] {
	const newest = newestPeopleKey(state);
	const first =
		newest.epoch === state.firstPeopleKey.epoch && newest.keyId === state.firstPeopleKey.keyId;
	const wraps = [...state.peopleKeys.values()].filter(
		(wrap) => wrap.epoch === newest.epoch && wrap.keyId === newest.keyId
	);
	const devices = [...state.devices.values()];
	// Every device had the first people key from its pairing.
	const exposed = first
		? devices.some((device) => device.removed)
		: wraps.some((wrap) => state.devices.get(wrap.deviceId)?.removed);
	if (exposed) return { rotate: true };
	if (first) return null;
	const wrapTo = devices
		.filter((device) => !device.removed && device.encryptionFingerprint)
		.filter(
			(device) =>
				!wraps.some((w) => w.deviceId === device.id && w.to === device.encryptionFingerprint)
		)
		.map((device) => device.id);
	return wrapTo.length > 0 ? { rotate: false, wrapTo } : null;
}

/** Whether a plan asks for nothing. */
export function isEmptyPlan(plan: KeyPlan): boolean {
	return (
		plan.rotate.length === 0 && plan.give.length === 0 && plan.peopleKey === null && !plan.auditKey
	);
}

/** The grants of a person in `areas` (all epochs), for the history they should be given. */
export function historyOf(state: AuthorityState, personId: string, areas: readonly string[]) {
	return grantsOf(state, personId).filter((grant) => areas.includes(grant.area));
}
