// ExposureSummary: the fine-exposure section that ends the text report, written for a
// board member: the total range in euros, the highest fine the law allows, one entry per
// Art. 83(3) conduct (tier, seriousness, range, and the reasoning factor by factor), the
// assumptions, and the caveat that this is an estimate under the EDPB method
// (Guidelines 04/2022), not legal advice. Plain ASCII text, no colour.
#pragma once

#include <ostream>

#include "model/report.h"

namespace gdpr::report {

// Writes the summary of `exposure` (as filled by analysis::EstimateFines) to `out`.
// A pure function of its input: same exposure, same bytes.
void RenderExposureSummary(const model::Exposure& exposure, std::ostream& out);

}  // namespace gdpr::report
