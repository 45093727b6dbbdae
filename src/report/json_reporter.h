// JsonReporter: the canonical machine-readable form of a Report, as specified in
// shared/spec/cli.md (format_version 1). Byte-identical for the same Report; valid JSON
// for any input bytes (control characters escaped, invalid UTF-8 replaced by U+FFFD).
#pragma once

#include <ostream>

#include "model/report.h"

namespace gdpr::report {

// Writes `report` as pretty-printed JSON followed by a newline.
void RenderJson(const model::Report& report, std::ostream& out);

}  // namespace gdpr::report
