#include "analysis/fine_estimator.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_map>

#include "util/money.h"
#include "util/parallel_for.h"
#include "util/text.h"
#include "util/sort_unique.h"

namespace gdpr::analysis {
namespace {

using model::Finding;
using model::Purpose;

// ---- seriousness factors (scores documented in the header) ----

struct Factor {
  int points = 0;
  std::string why;
};

using util::Join;

std::string Line(std::string_view factor, const Factor& f) {
  return fmt::format("{}: {} (+{})", factor, f.why, f.points);
}

Factor NatureFactor(const std::vector<const Finding*>& findings) {
  for (const Finding* f : findings) {
    auto tier = ParseFineTier(f->fine_tier);
    if (tier && *tier != FineTier::k83_4) {
      return {2, fmt::format("Art. {} provision (principles, lawful basis, data subject rights or "
                             "transfers) in {}",
                             FineTierName(*tier), f->rule_id)};
    }
  }
  return {0, "Art. 83(4) obligations only (organisational duties of controller and processor)"};
}

// Categories of the conduct: its purposes' and those of the flows its findings are about.
std::set<std::string> ConductCategories(const std::vector<const Finding*>& findings,
                                        const std::vector<const Purpose*>& purposes,
                                        const model::Inventory& inventory) {
  std::set<std::string> out;
  for (const Purpose* p : purposes)
    out.insert(p->data_categories.begin(), p->data_categories.end());
  for (const Finding* f : findings) {
    if (f->subject.kind != "flow") continue;
    if (const model::Flow* flow = inventory.FindFlow(f->subject.id))
      out.insert(flow->data_categories.begin(), flow->data_categories.end());
  }
  return out;
}

int CategoryPoints(const std::string& category, const Taxonomy& taxonomy, std::string* label) {
  switch (taxonomy.SpecialOf(category)) {
    case Special::kArt9:
      *label = "Art. 9 special category";
      return 3;
    case Special::kArt10:
      *label = "Art. 10 criminal-offence data";
      return 3;
    case Special::kNationalId:
      *label = "national identification number";
      return 2;
    case Special::kNone:
      break;
  }
  if (taxonomy.IsDistressData(category)) {  // para 58: harm as soon as it is disclosed
    *label = "financial, location or private communications data";
    return 1;
  }
  return 0;
}

Factor CategoryFactor(const std::set<std::string>& categories, const Taxonomy& taxonomy) {
  if (categories.empty()) return {0, "no data categories declared for this conduct"};
  Factor best{0, "no special, national id, financial, location or communications data"};
  std::string best_label;
  std::vector<std::string> keys;
  for (const std::string& c : categories) {  // std::set: sorted, so ties go to the first key
    std::string label;
    int points = CategoryPoints(c, taxonomy, &label);
    if (points > best.points) {
      best.points = points;
      best_label = label;
      keys.clear();
    }
    if (points == best.points && points > 0) keys.push_back(c);
  }
  if (best.points > 0) best.why = fmt::format("{} ({})", best_label, Join(keys, ", "));
  return best;
}

Factor PeopleFactor(const std::vector<const Purpose*>& purposes) {
  const Purpose* largest = nullptr;
  for (const Purpose* p : purposes) {
    if (p->subjects_count && (!largest || *p->subjects_count > *largest->subjects_count))
      largest = p;
  }
  if (!largest) return {0, "number of people not declared (subjects_count)"};
  const int64_t n = *largest->subjects_count;
  const int points = n >= 1'000'000 ? 3 : n >= 100'000 ? 2 : n >= 1'000 ? 1 : 0;
  return {points,
          fmt::format("about {} people (purpose {})", util::FormatThousands(n), largest->id)};
}

Factor ProfilingFactor(const std::vector<const Purpose*>& purposes, const Taxonomy& taxonomy) {
  Factor best{0, "no profiling, automated decisions or tracking declared"};
  for (const Purpose* p : purposes) {
    if (p->automated_decisions.value_or(false) && best.points < 2) {
      best = {2, fmt::format("automated decisions (Art. 22) in purpose {}", p->id)};
    } else if (p->profiling.value_or(false) && best.points < 1) {
      best = {1, fmt::format("profiling in purpose {}", p->id)};
    } else if (taxonomy.IsMonitoringUse(p->data_use) && best.points < 1) {
      best = {1, fmt::format("tracking or advertising use {} in purpose {}", p->data_use, p->id)};
    }
  }
  return best;
}

Factor VulnerableFactor(const std::vector<const Purpose*>& purposes,
                        const std::set<std::string>& categories, const Taxonomy& taxonomy) {
  for (const std::string& c : categories) {
    if (taxonomy.IsChildrenData(c)) return {2, fmt::format("children ({})", c)};
  }
  for (const Purpose* p : purposes) {
    for (const std::string& s : p->data_subjects) {
      if (taxonomy.IsChildSubject(s)) return {2, fmt::format("children (data subject {})", s)};
    }
  }
  std::set<std::string> vulnerable;
  for (const Purpose* p : purposes) {
    for (const std::string& s : p->data_subjects) {
      if (taxonomy.IsVulnerableSubject(s)) vulnerable.insert(s);
    }
  }
  if (vulnerable.empty()) return {0, "no vulnerable data subjects declared"};
  return {1,
          fmt::format("imbalance of power ({})",
                      Join(std::vector<std::string>(vulnerable.begin(), vulnerable.end()), ", "))};
}

Factor CentralityFactor(const std::vector<const Purpose*>& purposes) {
  for (const Purpose* p : purposes) {
    if (Taxonomy::IsUnder(p->data_use, "essential")) {
      return {1, fmt::format("core business ({} in purpose {})", p->data_use, p->id)};
    }
  }
  if (purposes.empty()) return {0, "not tied to a declared purpose"};
  return {0, "ancillary to the core business (no essential.* data use)"};
}

Factor SeverityFactor(const std::vector<const Finding*>& findings) {
  model::Severity gravest = model::Severity::kInfo;
  for (const Finding* f : findings) gravest = std::max(gravest, f->severity);
  const int points = gravest == model::Severity::kCritical ? 3
                     : gravest == model::Severity::kHigh   ? 2
                     : gravest == model::Severity::kMedium ? 1
                                                           : 0;
  return {points, fmt::format("gravest finding is {}", model::SeverityName(gravest))};
}

// ---- step 1: conducts ----

// Union-find over finding indexes.
class Groups {
 public:
  explicit Groups(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), size_t{0}); }
  size_t Root(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Join(size_t a, size_t b) {
    a = Root(a);
    b = Root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

// The purposes a finding is about: its related purposes, the purpose it names, or its
// flow's purpose.
// The purposes of each flow id (several when an id is shared), hashed once: a pass over
// all flows per finding was quadratic on large estates.
using FlowPurposes = std::unordered_map<std::string_view, std::vector<std::string_view>>;

FlowPurposes IndexFlowPurposes(const model::Inventory& inventory) {
  FlowPurposes out;
  for (const model::Flow& flow : inventory.flows)
    if (!flow.purpose.empty()) out[flow.id].push_back(flow.purpose);
  return out;
}

// Sorted and unique; the views are into the finding and the inventory.
std::vector<std::string_view> PurposesOf(const Finding& f, const FlowPurposes& flow_purposes) {
  std::vector<std::string_view> out(f.related_purposes.begin(), f.related_purposes.end());
  if (f.subject.kind == "purpose") out.push_back(f.subject.id);
  if (f.subject.kind == "flow") {
    auto it = flow_purposes.find(f.subject.id);
    if (it != flow_purposes.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  }
  out.erase(std::remove(out.begin(), out.end(), std::string_view()), out.end());
  util::SortUnique(out);
  return out;
}

struct Conduct {
  std::string id;
  std::vector<Finding*> findings;
  std::set<std::string_view> purposes;  // views as PurposesOf() gives them
};

// Groups the estimable findings (indexes into report.findings) into conducts.
std::vector<Conduct> GroupConducts(std::vector<Finding>& findings,
                                   const std::vector<size_t>& estimable,
                                   const model::Inventory& inventory) {
  Groups groups(estimable.size());
  std::vector<std::vector<std::string_view>> purposes(estimable.size());
  // The first finding about each purpose, and about each subject (for findings about
  // no purpose); hashed, the keys viewing `purposes` and the findings.
  std::unordered_map<std::string_view, size_t> first_by_purpose;
  std::unordered_map<std::string, size_t> first_by_subject;
  const FlowPurposes flow_purposes = IndexFlowPurposes(inventory);
  for (size_t i = 0; i < estimable.size(); ++i) {
    const Finding& f = findings[estimable[i]];
    purposes[i] = PurposesOf(f, flow_purposes);
    for (std::string_view p : purposes[i]) {
      auto [it, inserted] = first_by_purpose.emplace(p, i);
      if (!inserted) groups.Join(i, it->second);
    }
    if (purposes[i].empty()) {
      auto [it, inserted] = first_by_subject.emplace(f.subject.ToString(), i);
      if (!inserted) groups.Join(i, it->second);
    }
  }
  // A group's root is its first member (Join keeps the smaller index), so conducts are
  // made in the order of their roots.
  std::vector<Conduct> out;
  std::vector<size_t> conduct_of(estimable.size());
  for (size_t i = 0; i < estimable.size(); ++i) {
    const size_t root = groups.Root(i);
    if (root == i) {
      conduct_of[i] = out.size();
      out.emplace_back();
    }
    Conduct& c = out[conduct_of[root]];
    Finding& f = findings[estimable[i]];
    c.findings.push_back(&f);
    c.purposes.insert(purposes[i].begin(), purposes[i].end());
    if (c.id.empty() && purposes[i].empty()) c.id = f.subject.ToString();
  }
  for (Conduct& c : out)
    if (!c.purposes.empty())
      c.id = "purpose:" + Join(std::vector<std::string>(c.purposes.begin(), c.purposes.end()), "+");
  return out;
}

// ---- step 2 and 4: ranges ----

// 150 bp -> "1.5", 20 bp -> "0.2", 10000 bp -> "100".
std::string PercentText(int64_t bp) {
  std::string text = std::to_string(bp / 100);
  int64_t rest = bp % 100;
  if (rest == 0) return text;
  std::string decimals = fmt::format("{:02d}", rest);
  if (decimals.back() == '0') decimals.pop_back();
  return text + "." + decimals;
}

// "range: 10-20 % of EUR 20,000,000 = EUR 2,000,000 to EUR 4,000,000; turnover band ..."
std::string RangeLine(const StartingPoint& sp) {
  const ShareRange sev = SeriousnessShare(sp.seriousness);
  std::string line =
      fmt::format("range: {}-{} % of {} (para 60) = {} to {}; turnover band {}",
                  PercentText(sev.low_bp), PercentText(sev.high_bp),
                  util::FormatEuros(sp.legal_max_eur), util::FormatEuros(sp.starting.low_eur),
                  util::FormatEuros(sp.starting.high_eur), sp.band.label);
  if (!sp.band.adjusts) return line + ", no size adjustment (paras 64-66)";
  return line + fmt::format(" x {}-{} % (paras 64-66) = {} to {}",
                            PercentText(sp.band.share.low_bp), PercentText(sp.band.share.high_bp),
                            util::FormatEuros(sp.adjusted.low_eur),
                            util::FormatEuros(sp.adjusted.high_eur));
}

std::string FindingKey(const Finding& f) {
  return f.fingerprint.empty() ? f.rule_id + "@" + f.subject.ToString() : f.fingerprint;
}

model::ConductExposure PriceConduct(const Conduct& c, std::optional<int64_t> turnover,
                                    const model::Inventory& inventory, const Taxonomy& taxonomy) {
  FineTier gravest = FineTier::k83_4;
  std::vector<const Finding*> findings;
  for (const Finding* f : c.findings) {
    gravest = GravestTier(gravest, *ParseFineTier(f->fine_tier));
    findings.push_back(f);
  }
  std::vector<const Purpose*> purposes;
  for (std::string_view id : c.purposes) {
    if (const Purpose* p = inventory.FindPurpose(std::string(id))) purposes.push_back(p);
  }
  SeriousnessAssessment sev = AssessSeriousness(findings, purposes, inventory, taxonomy);
  StartingPoint sp = ComputeStartingPoint(gravest, sev.level, turnover);

  model::ConductExposure out;
  out.id = c.id;
  out.tier = FineTierName(gravest);
  out.legal_max_eur = sp.legal_max_eur;
  out.seriousness = SeriousnessName(sev.level);
  out.low_eur = sp.adjusted.low_eur;
  out.high_eur = sp.adjusted.high_eur;
  out.reasoning = std::move(sev.reasoning);
  out.reasoning.push_back(fmt::format(
      "Art. 83(3): {} on the same or linked processing, one conduct capped at the Art. {} "
      "maximum of {} (para 43)",
      findings.size() == 1 ? std::string("1 finding") : fmt::format("{} findings", findings.size()),
      out.tier, util::FormatEuros(sp.legal_max_eur)));
  out.reasoning.push_back(RangeLine(sp));
  for (const Finding* f : findings) out.findings.push_back(FindingKey(*f));
  for (Finding* f : c.findings) {
    f->fine = model::FineEstimate{out.tier,    out.legal_max_eur, out.seriousness, sp.band.label,
                                  out.low_eur, out.high_eur,      out.id};
  }
  return out;
}

// ---- assumptions ----

struct Turnover {
  std::optional<int64_t> eur;
  std::string source;  // "--turnover", "declarations", ""
};

Turnover ResolveTurnover(const model::Inventory& inventory, const FineOptions& options) {
  if (options.turnover_override) return {options.turnover_override, "--turnover"};
  if (inventory.organization && inventory.organization->annual_turnover_eur) {
    return {inventory.organization->annual_turnover_eur, "declarations"};
  }
  return {std::nullopt, ""};
}

std::string TurnoverAssumption(const Turnover& t) {
  if (!t.eur) {
    return "Turnover unknown (no organization.annual_turnover_eur and no --turnover): the fixed "
           "maxima apply (EUR 10,000,000 for Art. 83(4), EUR 20,000,000 for Art. 83(5)) and no "
           "size adjustment is made (paras 64-66), so the ranges are those of a large undertaking; "
           "a smaller organisation would face less";
  }
  const std::string origin = t.source == "--turnover"
                                 ? "given with --turnover (overrides the declarations)"
                                 : "from the declarations (organization.annual_turnover_eur)";
  std::string text = fmt::format(
      "Turnover {} {}, taken as the group's worldwide turnover of the financial year before a "
      "decision (Recital 150; C-807/21; para 131)",
      util::FormatEuros(*t.eur), origin);
  if (*t.eur > 500'000'000)
    text += "; above EUR 500M the 2 % / 4 % maxima apply and there is no size adjustment (para 66)";
  return text;
}

std::vector<std::string> Assumptions(const Turnover& turnover, int waived, int untiered) {
  std::vector<std::string> out = {
      TurnoverAssumption(turnover),
      "Findings about the same purpose, or a flow and its purpose, are one conduct capped at the "
      "legal maximum of its gravest infringement (Art. 83(3), para 43); separate conducts add up "
      "(para 45)",
      "Seriousness is derived from the declarations only (Art. 83(2)(a), (g); paras 53-58); intent "
      "is not assessed and negligence is assumed (Art. 83(2)(b), para 56)",
      "No aggravating or mitigating factors of Art. 83(2)(c)-(k) are assessed (step 3, paras "
      "73-111)",
      "No step-5 adjustment for effectiveness, proportionality or dissuasiveness (paras 137-139), "
      "and no inability-to-pay reduction",
      "Ranges are the adjusted starting amounts of the EDPB method (Guidelines 04/2022, v2.1): an "
      "estimate, not a prediction of any authority's decision and not legal advice",
  };
  if (waived > 0) out.push_back(fmt::format("{} waived finding(s) carry no exposure", waived));
  if (untiered > 0) {
    out.push_back(
        fmt::format("{} finding(s) without an Art. 83(4)/(5) tier are not priced", untiered));
  }
  return out;
}

bool ByExposure(const model::ConductExposure& a, const model::ConductExposure& b) {
  if (a.high_eur != b.high_eur) return a.high_eur > b.high_eur;
  return a.id < b.id;
}
}  // namespace

Seriousness SeriousnessForScore(int score) {
  if (score >= 10) return Seriousness::kHigh;
  if (score >= 5) return Seriousness::kMedium;
  return Seriousness::kLow;
}

SeriousnessAssessment AssessSeriousness(const std::vector<const Finding*>& findings,
                                        const std::vector<const Purpose*>& purposes,
                                        const model::Inventory& inventory,
                                        const Taxonomy& taxonomy) {
  const std::set<std::string> categories = ConductCategories(findings, purposes, inventory);
  const std::pair<const char*, Factor> factors[] = {
      {"nature of the rule (Art. 83(2)(a), para 53)", NatureFactor(findings)},
      {"categories of data (Art. 83(2)(g), paras 57-58)", CategoryFactor(categories, taxonomy)},
      {"number of people (para 54)", PeopleFactor(purposes)},
      {"profiling or monitoring (para 54)", ProfilingFactor(purposes, taxonomy)},
      {"vulnerable people (para 54)", VulnerableFactor(purposes, categories, taxonomy)},
      {"centrality of the purpose (para 54)", CentralityFactor(purposes)},
      {"severity of the findings", SeverityFactor(findings)},
  };
  SeriousnessAssessment out;
  for (const auto& [name, factor] : factors) {
    out.score += factor.points;
    out.reasoning.push_back(Line(name, factor));
  }
  out.level = SeriousnessForScore(out.score);
  out.reasoning.push_back(
      fmt::format("seriousness: score {} of 16 -> {} (0-4 low, 5-9 medium, 10-16 high; para 60)",
                  out.score, SeriousnessName(out.level)));
  return out;
}

}  // namespace gdpr::analysis

namespace gdpr::analysis {

void EstimateFines(model::Report& report, const model::Inventory& inventory,
                   const Taxonomy& taxonomy, const FineOptions& options) {
  const Turnover turnover = ResolveTurnover(inventory, options);
  std::vector<size_t> estimable;
  int waived = 0, untiered = 0;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    Finding& f = report.findings[i];
    f.fine.reset();
    if (f.suppressed) {
      ++waived;
    } else if (!ParseFineTier(f.fine_tier)) {
      ++untiered;
    } else {
      estimable.push_back(i);
    }
  }

  model::Exposure exposure;
  exposure.organization_max_eur = LegalMaximum(FineTier::k83_5, turnover.eur);
  // Conducts are priced independently (each finding is in exactly one), on every core.
  const std::vector<Conduct> conducts = GroupConducts(report.findings, estimable, inventory);
  exposure.conducts.resize(conducts.size());
  util::ParallelFor(conducts.size(), [&](size_t i) {
    exposure.conducts[i] = PriceConduct(conducts[i], turnover.eur, inventory, taxonomy);
  });
  std::sort(exposure.conducts.begin(), exposure.conducts.end(), ByExposure);
  for (const model::ConductExposure& c : exposure.conducts) {
    exposure.low_eur += c.low_eur;
    exposure.high_eur += c.high_eur;
  }
  exposure.assumptions = Assumptions(turnover, waived, untiered);
  report.exposure = std::move(exposure);
}

}  // namespace gdpr::analysis
