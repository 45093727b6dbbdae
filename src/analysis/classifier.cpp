#include "analysis/classifier.h"

#include <atomic>

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "analysis/classifier_pack.h"
#include "analysis/column_name_normalizer.h"
#include "analysis/literal_name_index.h"
#include "analysis/verdict_cache.h"
#include "load/file_reader.h"
#include "util/edit_distance.h"
#include "util/huge_page_heap.h"
#include "util/parallel_for.h"
#include "util/text.h"
#include "util/sort_unique.h"

namespace gdpr::analysis {
namespace {

constexpr size_t kMaxCacheEntries = 1 << 20;  // bounds memory on huge, varied inputs

RE2::Options MatchOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

// Comment patterns must match within the first four words: a column comment names its
// subject first ("E-mail address of the customer"), while a word further on is usually
// about something else ("Description of the usage of the password").
std::string WrapCommentHead(const std::string& source) {
  return "^[^a-z0-9]*(?:[a-z0-9'.-]+[^a-z0-9]+){0,3}?(?:" + source + ")";
}

// One top-level alternative of a pattern, to quote the part that matched in a reason.
// Compiled on first use: only winning patterns are ever explained, and only up to the
// first alternative that matches.
struct Alternative {
  std::string source;
  std::unique_ptr<RE2> re;  // null until compiled
  bool broken = false;      // RE2 rejects it alone (the split is textual): never quoted
};

struct CompiledPattern {
  ClassifierPattern p;
  // Split on first use; `alts_mu` guards the lazy splitting and compiling, so
  // Classify() stays safe across threads.
  mutable std::unique_ptr<std::mutex> alts_mu = std::make_unique<std::mutex>();
  mutable bool alts_split = false;
  mutable std::vector<Alternative> name_alts, comment_alts;
  std::unique_ptr<RE2> types, not_types;        // null when absent
  std::unique_ptr<RE2> nots;  // what Impl::not_names cannot spell out; null when nothing
  std::vector<int> tables, not_tables;          // context class indices
};

struct Hit {
  int pattern = 0;
  bool by_name = false;
  bool by_comment = false;
  bool by_type = false;   // a type-only pattern
  bool glued = false;     // the name matched with its tokens glued together
};

// The normalised name without separators: `huis_nummer` (from huisNummer) -> `huisnummer`,
// so a compound word split by camelCase still matches the compound's pattern.
std::string Glued(const std::string& normalised) {
  std::string out;
  out.reserve(normalised.size());
  for (char c : normalised)
    if (c != '_') out += c;
  return out;
}

// What of the name patterns the LiteralNameIndex cannot spell out is matched by
// RE2::Sets, each holding consecutive patterns of about this much source: RE2 compiles
// a few small sets in less time than one large one (their programs stay in cache), the
// sets compile on several threads, and matching a name against them all costs no more
// than against one.
constexpr size_t kNameSetBytes = 8000;

// One of the name sets, and the pattern index of each of its entries.
struct NameSet {
  RE2::Set set{MatchOptions(), RE2::UNANCHORED};
  std::vector<int> index;
};

struct CacheEntry {
  std::vector<Hit> hits;                          // from the name and the type (not the comment)
  std::shared_ptr<const ColumnVerdict> verdict;  // for a column without a comment
};

}  // namespace

struct Classifier::Impl {
  explicit Impl(const Taxonomy& t) : taxonomy(t) {}
  // Tells the per-thread caches of two classifiers apart (see ClassifyShared).
  const uint64_t serial = [] {
    static std::atomic<uint64_t> next{1};
    return next++;
  }();
  Taxonomy taxonomy;  // a copy: for the special marking of each verdict
  ColumnNameNormalizer normalizer;
  std::vector<std::string> context_names;        // unique class names; index = class id
  std::vector<std::string> context_sources;      // per context entry, in order
  std::vector<std::unique_ptr<RE2>> context_res;  // the same, compiled (Build() only)
  // The same patterns as one set, to find every matching entry in one pass over a table
  // name; null when RE2 refuses the set (ContextIndex then tries them one by one).
  std::unique_ptr<RE2::Set> context_set;
  std::vector<int> context_class;                 // entry -> class id
  std::vector<CompiledPattern> patterns;
  LiteralNameIndex literal_names;       // the spelled-out part of the name patterns
  LiteralNameIndex not_names;           // ... and of the `not` patterns
  std::vector<std::string> name_rest;   // pattern index -> the rest, for a name set
  std::vector<NameSet> name_sets;       // see kNameSetBytes
  std::vector<int> name_set_of;         // pattern index -> its name set (-1: none)
  RE2::Set comment_set{MatchOptions(), RE2::ANCHOR_START};
  std::vector<int> comment_index;  // set index -> pattern index
  std::vector<int> type_only;

  mutable std::mutex mu;
  mutable std::unordered_map<std::string, CacheEntry> cache;

  // Loading. Patterns are only parsed (checked) one by one, then compiled once where
  // they are matched: in the RE2::Sets and the joined expressions. Compiling each on its
  // own as well used to be most of the start-up time.
  std::unique_ptr<RE2::Set> syntax;  // parses (never compiles) patterns; only while loading
  bool skip_safe_checks = false;     // BuildConcurrently: see SelfContained()
  bool contexts_in_set_only = false; // BuildConcurrently: the context set must compile
  void SplitNames(const std::vector<ClassifierPack>& packs);
  bool Build(std::vector<ClassifierPack>& packs, model::Diagnostics& diags);
  bool BuildConcurrently(const std::vector<ClassifierPack>& packs);
  void AddTables(const ClassifierPack& pack, model::Diagnostics& diags);
  bool CheckSyntax(const PackRegex& r, const std::string& what, model::Diagnostics& diags);
  std::unique_ptr<RE2> Compile(const PackRegex& r, const std::string& what, model::Diagnostics& diags);
  void AddContext(const TableContextClass& ctx, model::Diagnostics& diags);
  void BuildContextSet();
  std::unique_ptr<RE2> CompileJoined(const std::vector<const PackRegex*>& parts, const std::string& what,
                                     bool wrap, model::Diagnostics& diags);
  void ReportSetTooLarge(model::Diagnostics& diags);
  void AddPattern(ClassifierPattern p, bool name_to_set, model::Diagnostics& diags);
  void AddToSet(RE2::Set& set, std::vector<int>& set_index, const PackRegex& r, const std::string& wrapped,
                const char* what, int index, model::Diagnostics& diags);
  bool ResolveClasses(const PackNames& names, std::vector<int>& out, model::Diagnostics& diags) const;

  // Classifying.
  int ContextIndex(std::string_view table_name) const;
  std::vector<Hit> NameHits(const std::string& normalised, const std::string& type, int ctx) const;
  void AddCommentHits(const std::string& normalised, const std::string& type, int ctx,
                      const std::string& comment, std::vector<Hit>& hits) const;
  bool Holds(int index, const std::string& normalised, const std::string& type, int ctx) const;
  ColumnVerdict Decide(const std::vector<Hit>& hits, const std::string& raw_name,
                       const std::string& normalised, const std::string& comment,
                       const std::string& type, int ctx) const;
  std::string Explain(const Hit& h, const std::string& raw_name, const std::string& normalised,
                      const std::string& comment, const std::string& type, int ctx) const;
};

namespace {


// True when `re` cannot reach outside a group it is wrapped in: no character class, no
// \Q...\E quoting, no trailing backslash, and parentheses that balance (escapes
// skipped). Such a pattern parses alone exactly when its wrapped form (in a set, or
// joined with others) parses, so where the wrapped form is parsed anyway and any
// failure leads to a full, serial check, parsing it alone as well can be skipped.
bool SelfContained(std::string_view re) {
  int depth = 0;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      if (i + 1 >= re.size() || re[i + 1] == 'Q' || re[i + 1] == 'E') return false;
      ++i;
    } else if (c == '[') {
      return false;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth < 0) {
      return false;
    }
  }
  return depth == 0;
}

// The top-level alternatives of `r`, not yet compiled; empty when there is only one
// (the whole pattern is then quoted).
std::vector<Alternative> SplitAlternatives(const PackRegex& r) {
  std::vector<Alternative> out;
  if (!r.present()) return out;
  std::vector<std::string> alts = TopLevelAlternatives(r.source);
  if (alts.size() < 2) return out;
  for (auto& a : alts) out.push_back({std::move(a), nullptr, false});
  return out;
}

// The first alternative of `alts` that matches `text`, or `whole` when none does (or
// none is known). An alternative in `index` (when given, for name pattern `pattern`)
// is looked up there; the others are compiled in order, only as far as needed, and
// skipped when RE2 rejects them alone. The caller holds the pattern's `alts_mu`.
const std::string& MatchedPart(std::vector<Alternative>& alts, bool wrap, const std::string& text,
                               const std::string& whole, const LiteralNameIndex* index = nullptr,
                               int pattern = -1) {
  for (size_t i = 0; i < alts.size(); ++i) {
    Alternative& a = alts[i];
    if (index && index->Indexed(pattern, i)) {
      if (index->MatchesAlternative(pattern, i, text)) return a.source;
      continue;
    }
    if (a.broken) continue;
    if (!a.re) {
      a.re = std::make_unique<RE2>(wrap ? WrapTokens(a.source) : WrapCommentHead(a.source), MatchOptions());
      a.broken = !a.re->ok();
      if (a.broken) continue;
    }
    if (RE2::PartialMatch(text, *a.re)) return a.source;
  }
  return whole;
}

std::string JoinCategories(const std::vector<std::string>& cats) {
  std::string out;
  for (const auto& c : cats) {
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

int SpecialRank(Special s) {
  switch (s) {
    case Special::kNone: return 0;
    case Special::kNationalId: return 1;
    case Special::kArt9: return 2;
    case Special::kArt10: return 3;
  }
  return 0;
}

}  // namespace

Special GravestSpecial(const std::vector<std::string>& categories, const Taxonomy& taxonomy) {
  Special best = Special::kNone;
  for (const auto& c : categories) {
    Special s = taxonomy.SpecialOf(c);
    if (SpecialRank(s) > SpecialRank(best)) best = s;
  }
  return best;
}

// ---- loading -------------------------------------------------------------------

std::unique_ptr<RE2> Classifier::Impl::Compile(const PackRegex& r, const std::string& what,
                                               model::Diagnostics& diags) {
  if (!r.present()) return nullptr;
  auto re = std::make_unique<RE2>(r.source, MatchOptions());
  if (!re->ok()) {
    diags.Error(r.where, "invalid regular expression in '" + what + "': " + re->error());
    return nullptr;
  }
  return re;
}

bool Classifier::Impl::CheckSyntax(const PackRegex& r, const std::string& what, model::Diagnostics& diags) {
  if (skip_safe_checks && SelfContained(r.source)) return true;
  std::string error;
  if (syntax->Add(r.source, &error) >= 0) return true;
  // RE2::Set::Add reports the parser's message, the same text RE2::error() gives.
  diags.Error(r.where, "invalid regular expression in '" + what + "': " + error);
  return false;
}

namespace {

// `parts` as one alternation, each wrapped as a name pattern or else in a group.
std::string Joined(const std::vector<const PackRegex*>& parts, bool wrap) {
  std::string joined;
  for (const PackRegex* r : parts) {
    if (!joined.empty()) joined += '|';
    if (wrap) joined += WrapTokens(r->source);
    else joined.append("(?:").append(r->source).append(")");
  }
  return joined;
}

}  // namespace

// `parts` (each already checked) as one alternation, compiled once. When RE2 cannot
// compile the whole (too large), each part is compiled alone to report the culprits,
// and the broken whole is kept: it matches nothing, as before.
std::unique_ptr<RE2> Classifier::Impl::CompileJoined(const std::vector<const PackRegex*>& parts,
                                                     const std::string& what, bool wrap,
                                                     model::Diagnostics& diags) {
  auto re = std::make_unique<RE2>(Joined(parts, wrap), MatchOptions());
  if (!re->ok())
    for (const PackRegex* r : parts) Compile(*r, what, diags);
  return re;
}

bool Classifier::Impl::ResolveClasses(const PackNames& names, std::vector<int>& out,
                                      model::Diagnostics& diags) const {
  bool ok = true;
  for (const auto& n : names.names) {
    auto it = std::find(context_names.begin(), context_names.end(), n);
    if (it != context_names.end()) {
      out.push_back(static_cast<int>(it - context_names.begin()));
      continue;
    }
    diags.Error(names.where, "unknown table context class '" + n + "'",
                util::DidYouMean(n, context_names));
    ok = false;
  }
  return ok;
}

// Adds `wrapped` (the set's form of `r`, or of the part of it still to match) to `set`.
void Classifier::Impl::AddToSet(RE2::Set& set, std::vector<int>& set_index, const PackRegex& r,
                                const std::string& wrapped, const char* what, int index,
                                model::Diagnostics& diags) {
  if (!r.present() || !CheckSyntax(r, what, diags)) return;  // CheckSyntax reports the error
  std::string error;
  if (set.Add(wrapped, &error) < 0) {
    diags.Error(r.where, std::string("invalid regular expression in '") + what + "': " + error);
    return;
  }
  set_index.push_back(index);
}

// `name_to_set` false: the name is only checked here, and added to its name set by
// another thread (BuildConcurrently).
void Classifier::Impl::AddPattern(ClassifierPattern p, bool name_to_set, model::Diagnostics& diags) {
  CompiledPattern cp;
  const int index = static_cast<int>(patterns.size());
  ResolveClasses(p.tables, cp.tables, diags);
  ResolveClasses(p.not_tables, cp.not_tables, diags);
  // (name_set_of is read only when the names are built here: BuildConcurrently fills it
  // on another thread.)
  if (name_to_set && name_set_of[static_cast<size_t>(index)] >= 0) {
    NameSet& ns = name_sets[static_cast<size_t>(name_set_of[static_cast<size_t>(index)])];
    AddToSet(ns.set, ns.index, p.name, WrapTokens(name_rest[static_cast<size_t>(index)]), "name", index, diags);
  } else if (p.name.present()) {
    CheckSyntax(p.name, "name", diags);
  }
  if (p.comment.present())
    AddToSet(comment_set, comment_index, p.comment, WrapCommentHead(p.comment.source), "comment", index, diags);
  cp.types = Compile(p.types, "types", diags);
  cp.not_types = Compile(p.not_types, "not_types", diags);
  std::vector<PackRegex> rests;  // of the `not` patterns, what not_names cannot spell out
  bool nots_ok = true;
  for (const auto& r : p.nots) {
    nots_ok = CheckSyntax(r, "not", diags) && nots_ok;
    if (std::string rest = not_names.Add(index, r.source); !rest.empty()) rests.push_back({std::move(rest), r.where});
  }
  std::vector<const PackRegex*> parts;
  for (const PackRegex& r : rests) parts.push_back(&r);
  if (!parts.empty() && nots_ok) cp.nots = CompileJoined(parts, "not", true, diags);
  if (!p.name.present() && !p.comment.present() && p.types.present()) type_only.push_back(index);
  cp.p = std::move(p);
  // Kept even when broken (the load then fails), so set indices stay valid.
  patterns.push_back(std::move(cp));
}

void Classifier::Impl::AddContext(const TableContextClass& ctx, model::Diagnostics& diags) {
  std::vector<const PackRegex*> parts;
  for (const auto& r : ctx.patterns)
    if (CheckSyntax(r, ctx.name, diags)) parts.push_back(&r);
  auto it = std::find(context_names.begin(), context_names.end(), ctx.name);
  context_class.push_back(static_cast<int>(it - context_names.begin()));
  if (it == context_names.end()) context_names.push_back(ctx.name);
  if (contexts_in_set_only) {  // compiled once, in the set; any problem: Build() does it all
    context_sources.push_back(parts.empty() ? "$^" : Joined(parts, false));
    return;
  }
  if (parts.empty()) {
    context_sources.push_back("$^");
    context_res.push_back(std::make_unique<RE2>("$^", MatchOptions()));
    return;
  }
  auto re = CompileJoined(parts, ctx.name, false, diags);
  if (!re->ok()) {  // as before: the parts RE2 compiles alone, joined
    std::vector<const PackRegex*> ok_parts;
    for (const PackRegex* r : parts)
      if (RE2(r->source, MatchOptions()).ok()) ok_parts.push_back(r);
    re = ok_parts.empty() ? std::make_unique<RE2>("$^", MatchOptions())
                          : CompileJoined(ok_parts, ctx.name, false, diags);
  }
  context_sources.push_back(re->pattern());
  context_res.push_back(std::move(re));
}

// Entry i of the set is entry i's own pattern (a broken entry's never-match included),
// so the set matches exactly the entries ContextIndex would try alone.
void Classifier::Impl::BuildContextSet() {
  auto set = std::make_unique<RE2::Set>(MatchOptions(), RE2::UNANCHORED);
  for (const std::string& source : context_sources)
    if (set->Add(source, nullptr) < 0) return;
  if (set->Compile()) context_set = std::move(set);
}

// RE2 could not compile a whole set: report the patterns too large on their own (what
// an individual compile used to find), or else the set as a whole.
void Classifier::Impl::ReportSetTooLarge(model::Diagnostics& diags) {
  const int errors_before = diags.error_count();
  for (const NameSet& ns : name_sets)
    for (int idx : ns.index) Compile(patterns[static_cast<size_t>(idx)].p.name, "name", diags);
  for (int idx : comment_index) Compile(patterns[static_cast<size_t>(idx)].p.comment, "comment", diags);
  if (diags.error_count() == errors_before)
    diags.Error({}, "the classifier patterns are too many or too large for RE2 to compile");
}

void Classifier::Impl::AddTables(const ClassifierPack& pack, model::Diagnostics& diags) {
  for (const auto& [from, to] : pack.abbreviations)
    if (!normalizer.AddAbbreviation(from.source, to))
      diags.Error(from.where, "abbreviation '" + from.source + "' or its expansion has no letters");
  for (const auto& s : pack.strip_prefixes) normalizer.AddStripPrefix(s);
  for (const auto& w : pack.known_words) normalizer.AddKnownWord(w);
  for (const auto& ctx : pack.contexts) AddContext(ctx, diags);
}

// Indexes what the name patterns spell out, and cuts the rest, in order, into sets of
// about kNameSetBytes of source each. Both builds cut the same way, so a set index means
// the same in both.
void Classifier::Impl::SplitNames(const std::vector<ClassifierPack>& packs) {
  size_t bytes = kNameSetBytes;  // of the last set: full, so the first name opens one
  for (const auto& pack : packs)
    for (const auto& p : pack.patterns) {
      const int index = static_cast<int>(name_rest.size());
      name_rest.push_back(p.name.present() ? literal_names.Add(index, p.name.source) : std::string());
      const std::string& rest = name_rest.back();
      if (rest.empty()) {
        name_set_of.push_back(-1);
        continue;
      }
      if (bytes >= kNameSetBytes) {
        name_sets.emplace_back();
        bytes = 0;
      }
      bytes += rest.size();
      name_set_of.push_back(static_cast<int>(name_sets.size()) - 1);
    }
}

// Reports every problem in pack order.
bool Classifier::Impl::Build(std::vector<ClassifierPack>& packs, model::Diagnostics& diags) {
  const int errors_before = diags.error_count();
  SplitNames(packs);
  syntax = std::make_unique<RE2::Set>(MatchOptions(), RE2::UNANCHORED);
  for (const auto& pack : packs) AddTables(pack, diags);
  BuildContextSet();
  for (auto& pack : packs)
    for (auto& p : pack.patterns) AddPattern(std::move(p), true, diags);
  syntax.reset();
  bool compiled = comment_set.Compile();
  for (NameSet& ns : name_sets) compiled = ns.set.Compile() && compiled;
  if (!compiled) ReportSetTooLarge(diags);
  return diags.error_count() == errors_before;
}

// The same work as Build(), on several threads: the context set, the patterns' own
// parts (and the comment set), and the name patterns' index and sets are built as three
// tasks, and the separate parse of self-contained patterns is skipped (their wrapped
// form is parsed anyway, or, for a name the LiteralNameIndex spelled out whole, its
// grammar is a subset of RE2's). It reports nothing: on any problem it returns false
// and the caller builds again, serially, with Build(), whose report is complete and in
// pack order whatever the threads did. Packs without problems never take the serial
// path.
bool Classifier::Impl::BuildConcurrently(const std::vector<ClassifierPack>& packs) {
  model::Diagnostics scratch;
  syntax = std::make_unique<RE2::Set>(MatchOptions(), RE2::UNANCHORED);
  skip_safe_checks = true;  // every skipped check is redone by Build() on any failure
  contexts_in_set_only = true;
  for (const auto& pack : packs) AddTables(pack, scratch);  // the context classes: all need them
  bool names_ok = true;
  auto build_names = [&] {
    SplitNames(packs);
    for (size_t index = 0; index < name_set_of.size() && names_ok; ++index)
      if (const int set = name_set_of[index]; set >= 0) {
        NameSet& ns = name_sets[static_cast<size_t>(set)];
        names_ok = ns.set.Add(WrapTokens(name_rest[index]), nullptr) >= 0;
        if (names_ok) ns.index.push_back(static_cast<int>(index));
      }
    for (NameSet& ns : name_sets) names_ok = names_ok && ns.set.Compile();
  };
  auto build_patterns = [&] {
    for (const auto& pack : packs)
      for (const auto& p : pack.patterns) AddPattern(p, false, scratch);
    syntax.reset();
    skip_safe_checks = false;
    if (!comment_set.Compile()) scratch.Error({}, "the comment set does not compile");
  };
  // Three tasks of about the same size (on the shipped packs).
  util::ParallelFor(3, [&](size_t task) {
    util::UseHugePagesInThisThread();  // on a worker: most of what it allocates is fresh memory
    if (task == 0) BuildContextSet();
    else if (task == 1) build_patterns();
    else build_names();
  });
  if (!context_set) scratch.Error({}, "the context set does not compile");
  return names_ok && scratch.size() == 0;
}

Classifier::Classifier(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Classifier::Classifier(Classifier&&) noexcept = default;
Classifier& Classifier::operator=(Classifier&&) noexcept = default;
Classifier::~Classifier() = default;

std::optional<Classifier> Classifier::ParseAll(
    const std::vector<std::pair<std::string, std::string>>& texts_and_names,
    const Taxonomy& taxonomy, model::Diagnostics& diags) {
  const int errors_before = diags.error_count();
  std::vector<ClassifierPack> packs;
  for (const auto& [text, name] : texts_and_names)
    if (auto pack = ClassifierPack::Parse(text, name, taxonomy, diags)) packs.push_back(std::move(*pack));
  auto impl = std::make_unique<Impl>(taxonomy);
  if (diags.error_count() > errors_before || !impl->BuildConcurrently(packs)) {
    // Something is wrong: build again, serially, to report every problem in order.
    impl = std::make_unique<Impl>(taxonomy);
    if (!impl->Build(packs, diags) || diags.error_count() > errors_before) return std::nullopt;
  }
  return Classifier(std::move(impl));
}

std::optional<Classifier> Classifier::Parse(std::string_view text, std::string_view name,
                                            const Taxonomy& taxonomy, model::Diagnostics& diags) {
  return ParseAll({{std::string(text), std::string(name)}}, taxonomy, diags);
}

std::optional<Classifier> Classifier::LoadDir(const std::string& dir, const Taxonomy& taxonomy,
                                              model::Diagnostics& diags,
                                              std::string_view display_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml" && it->is_regular_file()) files.push_back(it->path().filename().string());
  if (ec || files.empty()) {
    diags.Error({dir, 0, 0}, "no classifier packs (*.yaml) in '" + dir + "'");
    return std::nullopt;
  }
  std::sort(files.begin(), files.end());
  const std::string shown = display_dir.empty() ? dir : std::string(display_dir);
  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& f : files) {
    auto text = load::ReadInputFile(dir + "/" + f, diags);
    if (text) texts.emplace_back(std::move(*text), shown + "/" + f);
  }
  return ParseAll(texts, taxonomy, diags);
}

// ---- classifying ---------------------------------------------------------------

// Not cached: a warehouse's table names are mostly distinct (`ticket_261_1`), so a
// cache of them would cost more than it saved, and a shared one took a lock per table.
// Callers remember the class of the table they are on.
int Classifier::Impl::ContextIndex(std::string_view table_name) const {
  thread_local std::string normalised;
  thread_local std::vector<int> matched;
  ColumnNameNormalizer::SplitJoined(table_name, normalised);
  if (context_set) {  // the class of the first entry that matches
    if (!context_set->Match(normalised, &matched) || matched.empty()) return -1;
    return context_class[static_cast<size_t>(*std::min_element(matched.begin(), matched.end()))];
  }
  for (size_t i = 0; i < context_res.size(); ++i)
    if (RE2::PartialMatch(normalised, *context_res[i])) return context_class[i];
  return -1;
}

bool Classifier::Impl::Holds(int index, const std::string& normalised, const std::string& type,
                             int ctx) const {
  const CompiledPattern& cp = patterns[static_cast<size_t>(index)];
  auto in = [ctx](const std::vector<int>& v) { return std::find(v.begin(), v.end(), ctx) != v.end(); };
  if (!cp.tables.empty() && !in(cp.tables)) return false;
  if (in(cp.not_tables)) return false;
  if (cp.p.types.present() && !(cp.types && RE2::PartialMatch(type, *cp.types))) return false;
  if (cp.not_types && RE2::PartialMatch(type, *cp.not_types)) return false;
  if (not_names.Matches(index, normalised)) return false;
  if (cp.nots && RE2::PartialMatch(normalised, *cp.nots)) return false;
  return true;
}

std::vector<Hit> Classifier::Impl::NameHits(const std::string& normalised, const std::string& type,
                                            int ctx) const {
  std::vector<Hit> hits;
  std::vector<int> matched, literal;
  auto add = [&](int idx, bool glued) {
    if (glued && patterns[static_cast<size_t>(idx)].p.negative()) return;  // vetoes need the real tokens
    for (const Hit& h : hits)
      if (h.pattern == idx) return;
    if (Holds(idx, normalised, type, ctx)) hits.push_back({idx, true, false, false, glued});
  };
  auto match = [&](const std::string& name, bool glued) {
    literal.clear();
    literal_names.Match(name, literal);
    util::SortUnique(literal);  // one hit per pattern, in a fixed order
    for (int idx : literal) add(idx, glued);
    for (const NameSet& ns : name_sets)
      if (ns.set.Match(name, &matched))
        for (int m : matched) add(ns.index[static_cast<size_t>(m)], glued);
  };
  if (!normalised.empty()) match(normalised, false);
  // A second chance for compounds split by camelCase (`geboorteDatum`, `huisNummer`):
  // the glued name is one token, so only a pattern matching the whole name can hit.
  if (normalised.find('_') != std::string::npos) match(Glued(normalised), true);
  for (int idx : type_only)
    if (Holds(idx, normalised, type, ctx)) hits.push_back({idx, false, false, true, false});
  return hits;
}

void Classifier::Impl::AddCommentHits(const std::string& normalised, const std::string& type, int ctx,
                                      const std::string& comment, std::vector<Hit>& hits) const {
  std::vector<int> matched;
  if (!comment_set.Match(ColumnNameNormalizer::FoldLower(comment), &matched)) return;
  for (int m : matched) {
    const int idx = comment_index[static_cast<size_t>(m)];
    auto it = std::find_if(hits.begin(), hits.end(), [idx](const Hit& h) { return h.pattern == idx; });
    if (it != hits.end()) {
      it->by_comment = true;
    } else if (Holds(idx, normalised, type, ctx)) {
      hits.push_back({idx, false, true, false, false});
    }
  }
}

std::string Classifier::Impl::Explain(const Hit& h, const std::string& raw_name,
                                      const std::string& normalised, const std::string& comment,
                                      const std::string& type, int ctx) const {
  const CompiledPattern& cp = patterns[static_cast<size_t>(h.pattern)];
  const ClassifierPattern& p = cp.p;
  std::lock_guard<std::mutex> lock(*cp.alts_mu);
  if (!cp.alts_split) {
    cp.name_alts = SplitAlternatives(cp.p.name);
    cp.comment_alts = SplitAlternatives(cp.p.comment);
    cp.alts_split = true;
  }
  std::string out;
  if (h.by_name) {
    const std::string shown = h.glued ? Glued(normalised) : normalised;
    out = "column name matches '" +
          MatchedPart(cp.name_alts, true, shown, p.name.source, &literal_names, h.pattern) + "'";
    if (shown != util::AsciiLower(raw_name)) out += " as '" + shown + "'";
  }
  if (h.by_comment) {
    const std::string& part =
        MatchedPart(cp.comment_alts, false, ColumnNameNormalizer::FoldLower(comment), p.comment.source);
    out += std::string(out.empty() ? "column comment" : ", and its comment") + " matches '" + part + "'";
  }
  if (h.by_type) out = "column type '" + type + "' matches '" + p.types.source + "'";
  else if (p.types.present()) out += ", type '" + type + "' matches '" + p.types.source + "'";
  if (!p.tables.names.empty() && ctx >= 0)
    out += ", in a " + context_names[static_cast<size_t>(ctx)] + " table";
  return out + " (" + p.pack + ")";
}

ColumnVerdict Classifier::Impl::Decide(const std::vector<Hit>& hits, const std::string& raw_name,
                                       const std::string& normalised, const std::string& comment,
                                       const std::string& type, int ctx) const {
  auto conf = [this](const Hit& h) { return patterns[static_cast<size_t>(h.pattern)].p.confidence; };
  const Hit* veto = nullptr;
  std::vector<const Hit*> positives;
  for (const Hit& h : hits) {
    if (patterns[static_cast<size_t>(h.pattern)].p.negative()) {
      if (!veto || conf(h) > conf(*veto) || (conf(h) == conf(*veto) && h.pattern < veto->pattern)) veto = &h;
    } else {
      positives.push_back(&h);
    }
  }
  std::sort(positives.begin(), positives.end(), [&](const Hit* a, const Hit* b) {
    return conf(*a) != conf(*b) ? conf(*a) > conf(*b) : a->pattern < b->pattern;
  });
  ColumnVerdict v;
  v.source = "classifier";
  auto explain = [&](const Hit& h) { return Explain(h, raw_name, normalised, comment, type, ctx); };
  for (const Hit* h : positives) {
    const auto& cats = patterns[static_cast<size_t>(h->pattern)].p.categories;
    const bool vetoed = veto && conf(*h) <= conf(*veto);
    if (!vetoed && v.categories.empty()) {
      v.categories = cats;
      v.special = GravestSpecial(cats, taxonomy);
      v.reason = explain(*h);
    } else if (v.runner_up.empty() && cats != v.categories) {
      v.runner_up = JoinCategories(cats) + ": " + explain(*h);
      if (vetoed) v.runner_up += "; overruled by '" + patterns[static_cast<size_t>(veto->pattern)].p.id +
                                 "' (" + patterns[static_cast<size_t>(veto->pattern)].p.pack + ")";
    }
  }
  return v;
}

ColumnVerdict Classifier::Classify(const model::Table& table, const model::Column& column) const {
  return *ClassifyShared(table, column);
}

namespace {

// Per-thread front of the shared caches, for the audit's hot path: the class of the
// last table and the verdicts this thread has looked up, so that most columns take no
// lock. Tagged with the classifier's serial number, not its address, which a later
// classifier may reuse.
struct ThreadCache {
  uint64_t owner = 0;
  std::string table_name;
  int table_ctx = -2;
  VerdictCache verdicts{1 << 16};
};

ThreadCache& CacheOfThisThread(uint64_t owner) {
  thread_local ThreadCache cache;
  if (cache.owner != owner) {
    cache.verdicts.Clear();
    cache.owner = owner;
    cache.table_ctx = -2;
  }
  return cache;
}

}  // namespace

std::shared_ptr<const ColumnVerdict> Classifier::ClassifyShared(const model::Table& table,
                                                                const model::Column& column) const {
  const Impl& im = *impl_;
  ThreadCache& local = CacheOfThisThread(im.serial);
  if (local.table_ctx == -2 || local.table_name != table.name) {
    local.table_ctx = im.ContextIndex(table.name);
    local.table_name = table.name;
  }
  const int ctx = local.table_ctx;
  // The key is built in a per-thread buffer: no allocation on a hit. A comment is part
  // of the key too: schemas repeat their comments ("Primary key", "the version") as they
  // repeat their names, and a commented column costs a comment match and a decision.
  thread_local std::string key;
  key.clear();
  key.append(column.name).append(1, '\x1f').append(column.type).append(1, '\x1f');
  key.push_back(static_cast<char>('0' + ctx + 1));
  const size_t name_key_size = key.size();
  if (!column.comment.empty()) key.append(1, '\x1f').append(column.comment);
  if (const auto* hit = local.verdicts.Find(key)) return *hit;
  // Shared between threads: what the name alone decides (hits and verdict).
  const std::string name_key = key.substr(0, name_key_size);
  CacheEntry entry;
  bool cached = false;
  {
    std::lock_guard<std::mutex> lock(im.mu);
    if (auto it = im.cache.find(name_key); it != im.cache.end()) {
      entry = it->second;
      cached = true;
    }
  }
  const std::string type = util::AsciiLower(column.type);
  const std::string normalised = im.normalizer.Normalize(column.name);
  if (!cached) {
    entry.hits = im.NameHits(normalised, type, ctx);
    entry.verdict = std::make_shared<const ColumnVerdict>(im.Decide(entry.hits, column.name, normalised, "", type, ctx));
    std::lock_guard<std::mutex> lock(im.mu);
    if (im.cache.size() > kMaxCacheEntries) im.cache.clear();
    im.cache.emplace(name_key, entry);
  }
  std::shared_ptr<const ColumnVerdict> own;
  if (column.comment.empty()) {
    // A copy of its own: threads handing out one shared object would make its
    // reference count bounce between cores on every column.
    own = std::make_shared<const ColumnVerdict>(*entry.verdict);
  } else {
    std::vector<Hit> hits = entry.hits;
    im.AddCommentHits(normalised, type, ctx, column.comment, hits);
    own = std::make_shared<const ColumnVerdict>(im.Decide(hits, column.name, normalised, column.comment, type, ctx));
  }
  local.verdicts.Insert(key, own);
  return own;
}

std::vector<std::vector<ColumnVerdict>> Classifier::ClassifySchema(const model::Schema& schema) const {
  std::vector<std::vector<ColumnVerdict>> out;
  out.reserve(schema.tables.size());
  for (const auto& table : schema.tables) {
    auto& verdicts = out.emplace_back();
    verdicts.reserve(table.columns.size());
    for (const auto& column : table.columns) verdicts.push_back(Classify(table, column));
  }
  return out;
}

std::string Classifier::Normalize(std::string_view column_name) const {
  return impl_->normalizer.Normalize(column_name);
}

std::string Classifier::ContextOf(std::string_view table_name) const {
  const int ctx = impl_->ContextIndex(table_name);
  return ctx < 0 ? std::string() : impl_->context_names[static_cast<size_t>(ctx)];
}

size_t Classifier::pattern_count() const { return impl_->patterns.size(); }

}  // namespace gdpr::analysis
