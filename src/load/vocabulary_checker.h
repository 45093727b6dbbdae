// VocabularyChecker: checks the values a declarations file may only take from a fixed
// vocabulary: fideslang taxonomy keys (deprecated keys are mapped to their current key
// with a warning), ISO 3166 country codes, ISO 8601 durations, calendar dates and the
// closed word lists of the spec (legal bases, Art. 9(2) conditions, responsibilities,
// transfer mechanisms). Each check reports at the value's node, with a hint.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/country_table.h"
#include "analysis/taxonomy.h"
#include "load/yaml_node.h"
#include "model/diagnostics.h"
#include "util/iso_duration.h"

namespace gdpr::load {

// The closed vocabularies of spec/declarations.md.
extern const std::vector<std::string> kLegalBases;               // Art. 6(1)
extern const std::vector<std::string> kSpecialCategoryConditions;  // Art. 9(2)
extern const std::vector<std::string> kResponsibilities;
extern const std::vector<std::string> kTransferMechanisms;        // Chapter V
extern const std::vector<std::string> kDialects;                  // with aliases; see CanonicalDialect()
extern const std::vector<std::string> kSubjectKinds;              // waiver subject kinds

class VocabularyChecker {
 public:
  VocabularyChecker(const analysis::Taxonomy& taxonomy, const analysis::CountryTable& countries,
                    model::Diagnostics& diags)
      : taxonomy_(taxonomy), countries_(countries), diags_(diags) {}

  // The current taxonomy key for `node`'s value: itself when current, its replacement
  // (with a warning) when deprecated, nullopt (with an error) when unknown.
  std::optional<std::string> TaxonomyKey(analysis::TaxonomyKind kind, const YamlNode& node) const;
  // TaxonomyKey() for each item; unknown keys are left out of the result.
  std::vector<std::string> TaxonomyKeys(analysis::TaxonomyKind kind,
                                        const std::vector<const YamlNode*>& items) const;

  // The code when it is an ISO 3166-1 alpha-2 code in the country table, else nullopt (error).
  std::optional<std::string> Country(const YamlNode& node, std::string_view field) const;
  // The parsed duration, or nullopt after reporting why it is not ISO 8601.
  std::optional<util::IsoDuration> Duration(const YamlNode& node, std::string_view field) const;
  // True when `node` is a real calendar date written YYYY-MM-DD (else reports an error).
  bool Date(const YamlNode& node, std::string_view field) const;
  // True when `node`'s value is one of `allowed` (else an error listing them or a "did you mean").
  bool OneOf(const YamlNode& node, std::string_view field, const std::vector<std::string>& allowed) const;
  // OneOf() for a value that is part of a node (the kind in "purpose:analytics").
  bool OneOf(std::string_view value, const model::SourceLocation& at, std::string_view field,
             const std::vector<std::string>& allowed) const;

 private:
  const analysis::Taxonomy& taxonomy_;
  const analysis::CountryTable& countries_;
  model::Diagnostics& diags_;
};

// "postgres", "mysql" or "sqlite" for any name in kDialects ("pg" -> "postgres").
std::string CanonicalDialect(std::string_view name);

// True when `text` is a real date written YYYY-MM-DD (leap years included).
bool IsIsoDate(std::string_view text);

}  // namespace gdpr::load
