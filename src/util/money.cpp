#include "util/money.h"

#include <string>

namespace gdpr::util {

std::string FormatThousands(int64_t value) {
  // Work on the unsigned magnitude so INT64_MIN does not overflow on negation.
  const bool negative = value < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 + 1);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string FormatEuros(int64_t eur) { return "EUR " + FormatThousands(eur); }

}  // namespace gdpr::util
