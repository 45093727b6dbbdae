// Money: formatting whole euro amounts for people. All money in gdpr-audit is int64_t
// whole euros (no floating point), so this is only about presentation.
#pragma once

#include <cstdint>
#include <string>

namespace gdpr::util {

// The number with a comma every three digits: 48000000 -> "48,000,000", -1500 -> "-1,500".
std::string FormatThousands(int64_t value);

// An amount of euros for a reader: 48000000 -> "EUR 48,000,000", -5 -> "EUR -5".
// "EUR" rather than the euro sign keeps terminals and CI logs readable.
std::string FormatEuros(int64_t eur);

}  // namespace gdpr::util
