// FidesVocabulary: the fixed word lists of fideslang (legal bases, Art. 9(2) conditions,
// responsibilities, transfer mechanisms) translated to the words of our declarations
// format. Matching ignores case, '-', '_' and extra spaces ("Legitimate Interests",
// "legitimate_interests" and "Legitimate interest" are the same basis).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"

namespace gdpr::load {

// "Consent", "Contract", "Legal obligations", "Vital interests", "Public interest",
// "Legitimate interests" -> consent | contract | legal_obligation | vital_interests |
// public_task | legitimate_interests.
std::optional<std::string> FidesLegalBasis(std::string_view text);
// "Consent", "Employment", "Vital interests", "Non-profit organisations", "Public by data
// subject", "Legal claims", "Substantial public interest", "Medical", "Public health
// interest" (and research/archiving) -> our Art. 9(2) condition names.
std::optional<std::string> FidesSpecialCategoryCondition(std::string_view text);
// "Controller", "Processor", "Sub-Processor" (and "Joint Controller") -> Responsibility.
std::optional<model::Responsibility> FidesResponsibility(std::string_view text);
// "Adequacy Decision", "SCCs", "BCRs", "Derogation" (and "DPF") -> our mechanism names.
std::optional<std::string> FidesTransferMechanism(std::string_view text);

// The Fides spellings each function accepts, for "did you mean" hints.
const std::vector<std::string>& FidesLegalBasisNames();
const std::vector<std::string>& FidesSpecialCategoryNames();
const std::vector<std::string>& FidesResponsibilityNames();

// "Analyze customer behaviour." -> "analyze-customer-behaviour" (lower case letters,
// digits and single dashes; at most 48 characters); "purpose" when nothing is left.
std::string Slug(std::string_view text);

}  // namespace gdpr::load
