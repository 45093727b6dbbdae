// RetentionText: reads a retention period written in words, as Fides manifests hold
// them ("30 days after account deletion", "3 years", "P7Y"), into an ISO 8601 duration
// and the event it runs from. Text that names no measurable period ("Account
// termination", "as long as needed") is not machine-checkable and yields nullopt.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "util/iso_duration.h"

namespace gdpr::load {

struct RetentionText {
  util::IsoDuration period;
  std::string from;  // "account deletion" from "... after account deletion"; empty when not said
};

// Accepts an ISO 8601 duration, or "<number> <unit>" (digits or the words one to twelve;
// units hour, day, week, month, year, singular or plural, any case), optionally followed
// by "after|from|since|following <event>". Returns nullopt for anything else.
std::optional<RetentionText> ParseRetentionText(std::string_view text);

}  // namespace gdpr::load
