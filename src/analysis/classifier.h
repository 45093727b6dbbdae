// Classifier: decides which personal-data categories a schema column holds, and says
// why. Everything it knows comes from the YAML packs of rules/classifiers/ (format in
// rules/README.md, "Classifier packs"); nothing about column names is in C++.
//
// How a column is decided:
//   1. its name is normalised (ColumnNameNormalizer: `strFirstName` -> `first_name`);
//   2. its table is put in a context class (`person` for users, klanten, Mitarbeiter...)
//      by the first class whose pattern matches the normalised table name;
//   3. every pattern whose evidence holds becomes a candidate: the name pattern (whole
//      tokens, via a few RE2::Sets over all packs; a second pass on the name with its
//      tokens glued together lets `huisNummer` match `huisnummer`) or the comment
//      pattern (within the comment's first words) matches, and the table class, column
//      type and `not` patterns agree; a pattern with only `types` is a candidate on the
//      type alone (an `inet` column is an IP address);
//   4. negative patterns (`category: none`) veto every candidate with a lower or equal
//      confidence; of the survivors the most confident wins (ties: pack file order,
//      then order in the pack). The verdict records the winning pattern, its pack and
//      the evidence used, and the best other category as `runner_up`.
// Decisions are cached per (column name, type, table class) so repeated names cost a
// hash lookup; Classify() is safe to call from several threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/column_verdict.h"
#include "analysis/taxonomy.h"
#include "model/diagnostics.h"
#include "model/schema.h"

namespace gdpr::analysis {

class Classifier {
 public:
  // Loads every `*.yaml` file of `dir`, in file-name order. `display_dir` (when not
  // empty) replaces `dir` in reasons and messages, so output carries
  // "rules/classifiers/contact.yaml" rather than an absolute path. Reports every
  // problem (bad YAML, a pattern RE2 rejects, an unknown category or context class) at
  // its pack's line:col; returns nullopt when any error was reported. Every pattern is
  // checked here (validate relies on it); the name patterns are compiled on other
  // threads meanwhile, which changes neither the result nor the report.
  static std::optional<Classifier> LoadDir(const std::string& dir, const Taxonomy& taxonomy,
                                           model::Diagnostics& diags,
                                           std::string_view display_dir = {});
  // One pack from text (`name` is its display path); for tests.
  static std::optional<Classifier> Parse(std::string_view text, std::string_view name,
                                         const Taxonomy& taxonomy, model::Diagnostics& diags);
  // Several packs from (text, display path) pairs, in the given order.
  static std::optional<Classifier> ParseAll(
      const std::vector<std::pair<std::string, std::string>>& texts_and_names,
      const Taxonomy& taxonomy, model::Diagnostics& diags);

  Classifier(Classifier&&) noexcept;
  Classifier& operator=(Classifier&&) noexcept;
  ~Classifier();

  // The verdict for `column` of `table`: categories (empty: not personal data), the
  // gravest special marking of the categories, the reason and the runner-up.
  ColumnVerdict Classify(const model::Table& table, const model::Column& column) const;
  // The same verdict, shared with the cache instead of copied: the audit asks for
  // every column of an estate, and most of them are repeats of a cached name.
  std::shared_ptr<const ColumnVerdict> ClassifyShared(const model::Table& table, const model::Column& column) const;

  // Every column of every table of `schema`: result[t][c] is the verdict for
  // schema.tables[t].columns[c].
  std::vector<std::vector<ColumnVerdict>> ClassifySchema(const model::Schema& schema) const;

  // The normalised form of a column name under this classifier's abbreviation tables.
  std::string Normalize(std::string_view column_name) const;
  // The context class of a table ("person", ...), or "" when none matches.
  std::string ContextOf(std::string_view table_name) const;
  size_t pattern_count() const;

 private:
  struct Impl;
  explicit Classifier(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The gravest special marking among `categories` (art10 > art9 > national_id).
Special GravestSpecial(const std::vector<std::string>& categories, const Taxonomy& taxonomy);

}  // namespace gdpr::analysis
