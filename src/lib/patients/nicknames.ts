// Given names and their common short forms. A name may sit in several groups ('Alex' is short
// for Alexander and Alexandra), and two names are equivalent when they share a group — so
// 'Alexander' ~ 'Alex' ~ 'Alexandra', but 'Alexander' is not 'Alexandra'. Names are folded.
import { foldText } from '$lib/text/fold';

const GROUPS: readonly string[] = [
	'robert bob bobby rob robbie bert',
	'william bill billy will willie liam',
	'elizabeth liz lizzie beth betty betsy eliza libby',
	'james jim jimmy jamie',
	'john jack johnny jon',
	'michael mike mikey mick',
	'richard rick ricky rich dick',
	'thomas tom tommy',
	'joseph joe joey',
	'charles charlie chuck',
	'edward ed eddie ted ned',
	'anthony tony',
	'daniel dan danny',
	'david dave davey',
	'steven stephen steve',
	'christopher chris kit',
	'christina chris tina',
	'christine chris',
	'nicholas nick nicky',
	'matthew matt',
	'andrew andy drew',
	'benjamin ben benny',
	'samuel sam sammy',
	'samantha sam sammy',
	'alexander alex al sandy',
	'alexandra alex sandra sandy',
	'patrick pat paddy',
	'patricia pat patty trish',
	'margaret maggie meg peggy',
	'katherine catherine kathryn kate katie kathy cathy kat',
	'kathleen kathy kate',
	'jennifer jen jenny',
	'susan sue susie',
	'deborah debra debbie deb',
	'rebecca becky becca',
	'victoria vicky tori',
	'abigail abby',
	'gregory greg',
	'lawrence larry',
	'henry hank harry',
	'jose pepe',
	'francisco paco pancho',
	'guadalupe lupe',
	'ignacio nacho',
	'jesus chuy',
	'guillermo memo',
	'alejandro alex',
	'alejandra alex ale'
];

const GROUPS_OF = new Map<string, number[]>();
GROUPS.forEach((group, index) => {
	for (const name of group.split(' ')) GROUPS_OF.set(name, [...(GROUPS_OF.get(name) ?? []), index]);
});

/** True when one given name is a common short form of the other ('Bob' and 'Robert'). */
export function areNicknames(a: string, b: string): boolean {
	const groupsOfA = GROUPS_OF.get(foldText(a));
	const groupsOfB = GROUPS_OF.get(foldText(b));
	if (!groupsOfA || !groupsOfB) return false;
	return groupsOfA.some((group) => groupsOfB.includes(group));
}
