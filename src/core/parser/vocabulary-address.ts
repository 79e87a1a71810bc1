/**
 * Parser vocabulary, part 4: address and number words.
 */

/** Chinese digits (幺 is how 一 is read out in numbers). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 洞: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
export const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100 };

/** After a number: a building. `楼` alone is a floor (住7楼) unless a unit follows. */
export const BUILDING_SUFFIXES: readonly string[] = ['号楼', '#楼', '栋楼', '栋', '幢', '号院', '#', '座'];
export const FLOOR_OR_BUILDING = '楼';
export const UNIT_SUFFIXES: readonly string[] = ['单元', '门洞'];
/** Right after a building, 门 names the unit too (五号楼三门 = 5号楼3单元). */
export const UNIT_AFTER_BUILDING_SUFFIXES: readonly string[] = ['门'];
/** A compound (2号院3号楼): when a building follows it, the building is the address. */
export const COMPOUND_SUFFIX = '号院';
export const ROOM_SUFFIXES: readonly string[] = ['室', '号房', '号', '户'];
/** Before a number these label it a code, not an address (取件码5-3-2011 is a parcel shelf). */
export const CODE_LABELS: readonly string[] = ['取件码', '取货码', '提货码', '验证码', '单号', '户号', '编号', '码'];
/** Before a number these label it a room (房号302, 门牌号1102). */
export const ROOM_LABELS: readonly string[] = ['房间号', '门牌号', '房号', '门牌'];

/** A village is `…村`, optionally followed by its group (`三组`, `3组`, `三队`). */
export const VILLAGE_WORD = '村';
export const GROUP_WORDS: readonly string[] = ['组', '队'];
/**
 * Characters that are not part of a village name: the name starts after the last of them
 * (`俺是郝庄村的` → 郝庄村, `下雨把进村的路` → no name).
 */
export const VILLAGE_NAME_STOP = '我你他她它们是在住的到去给帮找叫这那个了把咱俺里本全同邻各每外想请让来问进出回';
/** Dropped only at the start of a name (`俺家郝庄村` → 郝庄村), so 张家村 keeps its 家. */
export const VILLAGE_NAME_LEADING_STOP = '家';
/** Right before 村 these mean no name is given (咱村, 我们村, 全村). */
export const VILLAGE_PRONOUNS = '咱我俺们本全同邻各每外这那该';
/** After 村 these make it the village in general (村里, 村委), not a name. */
export const NOT_VILLAGE_AFTER = '里委民干口头上长支官';
/** Words that end in 村 without naming one. */
/** A one-character name (赵村) counts only when a group follows it (赵村一组): 赵村 alone may be a phrase. */
export const MIN_VILLAGE_NAME = 3;
/** An estate, not a village (光明新村 is a housing estate). */
export const ESTATE_VILLAGE_ENDINGS: readonly string[] = ['新村'];
export const NOT_VILLAGE: readonly string[] = ['农村', '乡村', '本村', '我村', '全村', '同村', '咱村', '邻村', '外村', '新农村', '村村'];
