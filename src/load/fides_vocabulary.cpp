#include "load/fides_vocabulary.h"

#include <cctype>
#include <utility>

namespace gdpr::load {
namespace {

using Table = std::vector<std::pair<std::string, std::string>>;

// Lower case, '-', '_' and runs of spaces as one space, no trailing plural 's'.
std::string Normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == '-' || l == '_' || std::isspace(static_cast<unsigned char>(l))) l = ' ';
    if (l == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += l;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > 3 && out.back() == 's') out.pop_back();
  return out;
}

std::optional<std::string> Lookup(const Table& table, std::string_view text) {
  std::string key = Normalize(text);
  for (const auto& [fides, ours] : table)
    if (Normalize(fides) == key) return ours;
  return std::nullopt;
}

std::vector<std::string> FirstColumn(const Table& table) {
  std::vector<std::string> names;
  for (const auto& [fides, ours] : table) names.push_back(fides);
  return names;
}

const Table& LegalBases() {
  static const Table t = {{"Consent", "consent"},
                          {"Contract", "contract"},
                          {"Legal obligations", "legal_obligation"},
                          {"Vital interests", "vital_interests"},
                          {"Public interest", "public_task"},
                          {"Public task", "public_task"},
                          {"Legitimate interests", "legitimate_interests"}};
  return t;
}

const Table& SpecialConditions() {
  static const Table t = {{"Consent", "explicit_consent"},
                          {"Explicit consent", "explicit_consent"},
                          {"Employment", "employment"},
                          {"Vital interests", "vital_interests"},
                          {"Non-profit organisations", "not_for_profit"},
                          {"Non-profit organizations", "not_for_profit"},
                          {"Public by data subject", "made_public"},
                          {"Legal claims", "legal_claims"},
                          {"Substantial public interest", "substantial_public_interest"},
                          {"Medical", "health_care"},
                          {"Public health interest", "public_health"},
                          {"Research", "research"},
                          {"Archiving, research and statistics", "research"}};
  return t;
}

const Table& Responsibilities() {
  static const Table t = {{"Controller", "controller"},
                          {"Processor", "processor"},
                          {"Sub-Processor", "sub_processor"},
                          {"Joint Controller", "joint_controller"}};
  return t;
}

const Table& TransferMechanisms() {
  static const Table t = {{"Adequacy Decision", "adequacy"}, {"SCCs", "scc"},
                          {"Standard contractual clauses", "scc"}, {"BCRs", "bcr"},
                          {"Binding corporate rules", "bcr"}, {"Derogation", "derogation"},
                          {"DPF", "dpf"}, {"Data Privacy Framework", "dpf"}};
  return t;
}

}  // namespace

std::optional<std::string> FidesLegalBasis(std::string_view text) { return Lookup(LegalBases(), text); }

std::optional<std::string> FidesSpecialCategoryCondition(std::string_view text) {
  return Lookup(SpecialConditions(), text);
}

std::optional<model::Responsibility> FidesResponsibility(std::string_view text) {
  auto name = Lookup(Responsibilities(), text);
  if (!name) return std::nullopt;
  if (*name == "controller") return model::Responsibility::kController;
  if (*name == "processor") return model::Responsibility::kProcessor;
  if (*name == "sub_processor") return model::Responsibility::kSubProcessor;
  return model::Responsibility::kJointController;
}

std::optional<std::string> FidesTransferMechanism(std::string_view text) {
  return Lookup(TransferMechanisms(), text);
}

const std::vector<std::string>& FidesLegalBasisNames() {
  static const std::vector<std::string> n = FirstColumn(LegalBases());
  return n;
}
const std::vector<std::string>& FidesSpecialCategoryNames() {
  static const std::vector<std::string> n = FirstColumn(SpecialConditions());
  return n;
}
const std::vector<std::string>& FidesResponsibilityNames() {
  static const std::vector<std::string> n = FirstColumn(Responsibilities());
  return n;
}

std::string Slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 48) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "purpose" : out;
}

}  // namespace gdpr::load
