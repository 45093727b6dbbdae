// FineEstimator: the fine exposure of an audit under the EDPB method (Guidelines
// 04/2022, v2.1), steps 1, 2 and 4. It groups findings into Art. 83(3) conducts, derives
// each conduct's seriousness from the declarations, and turns tier, seriousness and
// turnover into a euro range with fine_method.h. Steps 3 (aggravating and mitigating
// factors, Art. 83(2)(c)-(k)) and 5 (effectiveness, proportionality, dissuasiveness)
// need facts no declaration holds; they are not applied and the assumptions say so.
//
// Step 1, conducts (Art. 83(3), paras 27-28, 43, 45). Findings about the same purpose
// form ONE conduct: a purpose finding, a flow finding and its flow's purpose, a column
// finding and the purposes covering it (Finding::related_purposes). Findings linked
// through any shared purpose join transitively. A finding with no related purpose forms
// a conduct with the other such findings about the same subject. Conduct ids are
// "purpose:<id>" (several purposes: "purpose:a+b", sorted) or the subject ("system:mailer").
// One conduct is capped at the legal maximum of its gravest tier; separate conducts add up.
//
// Step 2, seriousness per conduct (Art. 83(2)(a), (b), (g); paras 53-58). A score is the
// sum of seven factors, each recorded as a line of ConductExposure::reasoning:
//   nature of the rule     +2 when any finding is Art. 83(5)/(6) (principles, lawful
//                          basis, rights, transfers), else +0 (para 53)
//   categories             +3 Art. 9 or Art. 10 data; +2 national identification
//                          numbers; +1 financial, payment, location or private
//                          communications (user.financial, user.payment, user.location,
//                          user.content.private); else +0 (paras 57-58). Highest counts.
//   number of people       subjects_count: +3 from 1,000,000; +2 from 100,000; +1 from
//                          1,000; +0 below or when not declared (para 54)
//   profiling, monitoring  +2 automated decisions (Art. 22); +1 profiling, or a tracking
//                          or advertising data use (marketing.advertising,
//                          personalize.content.profiling/profiled) (para 54)
//   vulnerable people      +2 children (Taxonomy::IsChildrenData, or a subject named like
//                          child/minor/pupil); +1 subjects the taxonomy marks vulnerable,
//                          e.g. employees, patients (para 54)
//   centrality             +1 when the purpose is core business (an essential.* data
//                          use) (para 54)
//   severity               gravest finding: critical +3, high +2, medium +1, else +0
// Score 0-4 is low, 5-9 medium, 10-16 high (the para 60 bands). Intent (Art. 83(2)(b))
// is not assessed: negligence is assumed, which para 56 calls at best neutral.
//
// Each priced finding's `fine` shows its conduct: the conduct's id, its gravest tier and
// that tier's legal maximum (the Art. 83(3) cap that binds the finding), the conduct's
// seriousness and range, and the turnover band. ConductExposure::findings lists the
// fingerprints (or rule@subject when a finding has none).
//
// Turnover: FineOptions::turnover_override, else organization.annual_turnover_eur, else
// unknown (fixed maxima, no size adjustment). Output is deterministic: conducts sorted by
// high end (largest first), then id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/fine_method.h"
#include "analysis/taxonomy.h"
#include "model/inventory.h"
#include "model/report.h"

namespace gdpr::analysis {

struct FineOptions {
  std::optional<int64_t> turnover_override;  // --turnover EUR
};

// Fills finding.fine for every unsuppressed finding with a known fine_tier and sets
// report.exposure (organisation maximum, per-conduct ranges, totals, assumptions).
// Suppressed (waived) findings get no fine and carry no exposure; findings whose
// fine_tier is not "83(4)", "83(5)" or "83(6)" get none either, and an assumption says
// how many. Never fails.
void EstimateFines(model::Report& report, const model::Inventory& inventory,
                   const Taxonomy& taxonomy, const FineOptions& options);

// The seriousness of one conduct, factor by factor (see the table above).
struct SeriousnessAssessment {
  int score = 0;
  Seriousness level = Seriousness::kLow;
  std::vector<std::string> reasoning;
};

// Assesses the conduct made of `findings` about `purposes` (may be empty) and, for
// categories, the flows the findings are about.
SeriousnessAssessment AssessSeriousness(const std::vector<const model::Finding*>& findings,
                                        const std::vector<const model::Purpose*>& purposes,
                                        const model::Inventory& inventory,
                                        const Taxonomy& taxonomy);

// 0-4 low, 5-9 medium, 10 and above high.
Seriousness SeriousnessForScore(int score);

}  // namespace gdpr::analysis
