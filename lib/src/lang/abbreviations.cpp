#include "abbreviations.hpp"

#include <algorithm>
#include <vector>

namespace kealign::lang {
namespace {

// A word list sorted once for binary search.
class WordSet {
 public:
  template <std::size_t N>
  explicit WordSet(const std::u32string_view (&words)[N]) : words_(words, words + N) {
    std::sort(words_.begin(), words_.end());
  }
  bool has(std::u32string_view w) const {
    return std::binary_search(words_.begin(), words_.end(), w);
  }

 private:
  std::vector<std::u32string_view> words_;
};

constexpr std::u32string_view kTitles[] = {
    U"a.k.a", U"adm",  U"approx", U"atty", U"brig", U"capt", U"cf",     U"cmdr", U"col",
    U"cpl",   U"det",  U"dr",     U"e.g",  U"esp",  U"fr",   U"gen",    U"gens", U"gov",
    U"govs",  U"hon",  U"i.e",    U"insp", U"lt",   U"maj",  U"messrs", U"mlle", U"mme",
    U"mr",    U"mrs",  U"ms",     U"msgr", U"mt",   U"mx",   U"pres",   U"prof", U"pvt",
    U"rep",   U"reps", U"rev",    U"sen",  U"sens", U"sgt",  U"sr",     U"st",   U"ste",
    U"supt",  U"v",    U"viz",    U"vol",  U"vols", U"vs",   U"w.r.t"};

// Month abbreviations: never end a sentence before a day or a year ("on Feb. 14", "Sept. 5"),
// always before a capitalised word (news abbreviates a month only in a date).
constexpr std::u32string_view kMonths[] = {U"apr", U"aug", U"dec", U"feb", U"jan", U"jul",
                                           U"jun", U"mar", U"nov", U"oct", U"sep", U"sept"};

// Abbreviations that end a name and so end sentences as often as they continue them
// ("Samsung Electronics Co. Ltd.", "Co. It closed").
constexpr std::u32string_view kNameSuffixes[] = {U"bros", U"co",  U"corp", U"inc",
                                                 U"jr",   U"ltd", U"plc"};

// Words that open sentences far more often than they follow an abbreviation inside one:
// determiners, pronouns, conjunctions, prepositions, sentence adverbs, numbers spelt out (news
// style spells out a number that opens a sentence) and the plural nouns news sentences open with
// ("Officials said", "Shares rose"). After an ambiguous abbreviation, an initial or an ellipsis,
// one of these says a new sentence starts; any other capitalised word is taken for a name that
// continues the sentence ("Corp. Radio", "K. J. Lee", "... Obama").
constexpr std::u32string_view kSentenceStarters[] = {
    U"A",        U"According", U"Eight",       U"Five",        U"Four",     U"Nine",
    U"Seven",    U"Six",       U"Ten",         U"Three",       U"Two",      U"Twenty",
    U"About",    U"After",     U"Again",       U"All",         U"Already",  U"Also",
    U"Although", U"Among",     U"An",          U"Analysts",    U"And",      U"Another",
    U"Any",      U"As",        U"At",          U"Authorities", U"Because",  U"Before",
    U"Both",     U"But",       U"By",          U"Critics",     U"Despite",  U"During",
    U"Each",     U"Earlier",   U"Even",        U"Every",       U"Experts",  U"Exports",
    U"Finally",  U"For",       U"From",        U"He",          U"Her",      U"Here",
    U"His",      U"How",       U"However",     U"I",           U"If",       U"Imports",
    U"In",       U"Instead",   U"Investors",   U"It",          U"Its",      U"Last",
    U"Later",    U"Many",      U"Meanwhile",   U"More",        U"Moreover", U"Most",
    U"My",       U"Neither",   U"No",          U"Not",         U"Now",      U"Officials",
    U"On",       U"One",       U"Only",        U"Or",          U"Other",    U"Our",
    U"Police",   U"Prices",    U"Prosecutors", U"Residents",   U"Sales",    U"Shares",
    U"She",      U"Since",     U"So",          U"Some",        U"Still",    U"Such",
    U"That",     U"The",       U"Their",       U"Then",        U"There",    U"These",
    U"They",     U"This",      U"Those",       U"Though",      U"Thus",     U"To",
    U"Under",    U"Until",     U"We",          U"What",        U"When",     U"Where",
    U"Whether",  U"Which",     U"While",       U"Who",         U"Why",      U"With",
    U"Yet",      U"You",       U"Your"};

// What follows "a.m." or "p.m." inside a sentence: a day, a month or a time zone ("3:30 p.m.
// Monday", "9 a.m. KST"). Any other capitalised word after a time opens a new sentence.
constexpr std::u32string_view kTimeContinuations[] = {
    U"April",     U"August", U"BST",      U"CET",     U"CST",      U"Central",
    U"December",  U"EDT",    U"EST",      U"ET",      U"Eastern",  U"February",
    U"Friday",    U"GMT",    U"January",  U"JST",     U"July",     U"June",
    U"KST",       U"March",  U"May",      U"Monday",  U"Mountain", U"November",
    U"October",   U"PDT",    U"PST",      U"PT",      U"Pacific",  U"Saturday",
    U"September", U"Sunday", U"Thursday", U"Tuesday", U"UTC",      U"Wednesday"};

// Dotted acronyms of places and institutions ("U.S.", "U.N."): they end sentences before names
// ("...the ROK-U.S. Bruce Klingner"). Other dotted capitals are initials ("J.K. Rowling").
constexpr std::u32string_view kPlaceAcronyms[] = {U"d.c", U"e.u",   U"l.a",   U"n.j",
                                                  U"n.y", U"r.o.k", U"u.a.e", U"u.k",
                                                  U"u.n", U"u.s",   U"u.s.a", U"u.s.s.r"};

// Street abbreviations: a street name ends a sentence before a sentence starter ("on Main St. The
// suspect"); "St." before a name is a saint ("St. Mary's").
constexpr std::u32string_view kStreetAbbreviations[] = {U"ave", U"blvd", U"rd", U"st"};

// Verbs of an attribution after a quotation closed by "?", "!" or an ellipsis ("\"Why now?\" Kim
// asked.").
constexpr std::u32string_view kSpeechVerbs[] = {
    U"added",   U"adds",   U"answered", U"argued",   U"asked",     U"asks",
    U"chanted", U"cried",  U"declared", U"demanded", U"exclaimed", U"insisted",
    U"replied", U"said",   U"says",     U"screamed", U"shouted",   U"tells",
    U"told",    U"warned", U"wondered", U"wrote",    U"yelled"};

constexpr std::u32string_view kNumberAbbreviations[] = {
    U"art",     U"arts", U"ca",  U"ch", U"chap", U"ed", U"eq", U"ext", U"fig", U"figs",
    U"n\u00b0", U"no",   U"nos", U"nr", U"op",   U"p",  U"pp", U"sec", U"tel"};

constexpr std::u32string_view kAcronymContinuations[] = {
    U"Agency",       U"Agriculture",    U"Air",          U"Ambassador",     U"Army",
    U"Assistant",    U"Attorney",       U"Border",       U"Bureau",         U"Capitol",
    U"Census",       U"Central",        U"Chamber",      U"Chief",          U"Children's",
    U"Coast",        U"Command",        U"Commander",    U"Commerce",       U"Commission",
    U"Commissioner", U"Congress",       U"Constitution", U"Consulate",      U"Council",
    U"Court",        U"Customs",        U"Defense",      U"Department",     U"Deputy",
    U"Development",  U"District",       U"Embassy",      U"Energy",         U"Environment",
    U"Envoy",        U"Envoys",         U"Federal",      U"Food",           U"Forces",
    U"Forest",       U"General",        U"Geological",   U"Government",     U"High",
    U"House",        U"Human",          U"Immigration",  U"Indo",           U"Intelligence",
    U"Interior",     U"Justice",        U"Labor",        U"Marine",         U"Marines",
    U"Mayor",        U"Military",       U"Mission",      U"National",       U"Navy",
    U"Office",       U"Olympic",        U"Open",         U"Postal",         U"President",
    U"Refugee",      U"Representative", U"Secret",       U"Secretary",      U"Security",
    U"Senate",       U"Space",          U"Special",      U"State",          U"Strategic",
    U"Supreme",      U"Trade",          U"Treasury",     U"Undersecretary", U"Vice",
};

constexpr std::u32string_view kEndingLookalikes[] = {
    U"가요", U"강요", U"개요", U"걸음", U"게임", U"구음", U"기요", U"다음", U"동요", U"마음",
    U"모음", U"모임", U"묶음", U"믿음", U"발음", U"볶음", U"소요", U"소음", U"수요", U"얼음",
    U"요",   U"울음", U"웃음", U"음",   U"이음", U"임",   U"조음", U"주요", U"중요", U"처음",
    U"책임", U"포함", U"필요", U"함",   U"함께", U"화요", U"회임"};

constexpr std::u32string_view kQuotative[] = {
    U"고",       U"그러니까", U"는",     U"라고",     U"라는",   U"며",       U"싶다",
    U"싶어",     U"싶었다",   U"싶은",   U"카는",     U"카더라", U"하고",     U"하길래",
    U"하는",     U"하니",     U"하니까", U"하니께",   U"하더라", U"하더라고", U"하던",
    U"하드라고", U"하며",     U"하면서", U"하여",     U"하였다", U"한다",     U"합니다",
    U"해도",     U"해서",     U"했다",   U"했습니다", U"했어"};

}  // namespace

bool is_title_abbreviation(std::u32string_view lower) {
  static const WordSet words(kTitles);
  return words.has(lower);
}
bool is_number_abbreviation(std::u32string_view lower) {
  static const WordSet words(kNumberAbbreviations);
  return words.has(lower);
}
bool is_month_abbreviation(std::u32string_view lower) {
  static const WordSet words(kMonths);
  return words.has(lower);
}
bool is_name_suffix(std::u32string_view lower) {
  static const WordSet words(kNameSuffixes);
  return words.has(lower);
}
bool is_sentence_starter(std::u32string_view word) {
  static const WordSet words(kSentenceStarters);
  return words.has(word);
}
bool is_time_continuation(std::u32string_view word) {
  static const WordSet words(kTimeContinuations);
  return words.has(word);
}
bool is_place_acronym(std::u32string_view lower) {
  static const WordSet words(kPlaceAcronyms);
  return words.has(lower);
}
bool is_street_abbreviation(std::u32string_view lower) {
  static const WordSet words(kStreetAbbreviations);
  return words.has(lower);
}
bool is_speech_verb(std::u32string_view lower) {
  static const WordSet words(kSpeechVerbs);
  return words.has(lower);
}
bool is_acronym_continuation(std::u32string_view word) {
  static const WordSet words(kAcronymContinuations);
  return words.has(word);
}
bool is_ending_lookalike(std::u32string_view word) {
  static const WordSet words(kEndingLookalikes);
  return words.has(word);
}
bool is_quotative_continuation(std::u32string_view word) {
  static const WordSet words(kQuotative);
  return words.has(word);
}

}  // namespace kealign::lang
