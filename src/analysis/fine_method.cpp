#include "analysis/fine_method.h"

#include <algorithm>
#include <array>

namespace gdpr::analysis {
namespace {

constexpr int64_t kBasis = 10000;  // 100 % in basis points

// A GCC/Clang extension; __extension__ keeps -Wpedantic quiet about it.
__extension__ typedef __int128 Wide;

// amount x (num / den), in 128 bits so large turnovers times two shares cannot overflow.
int64_t MulDiv(int64_t amount, Wide num, Wide den, Rounding rounding) {
  Wide product = static_cast<Wide>(amount) * num;
  Wide quotient = product / den;
  Wide remainder = product % den;
  // Division truncates toward zero; adjust for the requested direction.
  if (remainder != 0) {
    const bool positive = (product > 0);
    if (rounding == Rounding::kCeil && positive) ++quotient;
    if (rounding == Rounding::kFloor && !positive) --quotient;
  }
  return static_cast<int64_t>(quotient);
}

// amount x a_bp x b_bp / 10,000^2 in one step, so there is a single rounding.
int64_t ApplyTwoShares(int64_t amount, int64_t a_bp, int64_t b_bp, Rounding rounding) {
  return MulDiv(amount, static_cast<Wide>(a_bp) * b_bp, static_cast<Wide>(kBasis) * kBasis,
                rounding);
}

struct BandRow {
  int64_t upper_eur;  // inclusive
  const char* label;
  ShareRange share;
};

// Paras 64-66 (fines-and-law.md section 3.2).
constexpr std::array<BandRow, 6> kBands = {{
    {2'000'000, "<= EUR 2M", {20, 40}},
    {10'000'000, "EUR 2M-10M", {30, 200}},
    {50'000'000, "EUR 10M-50M", {150, 1000}},
    {100'000'000, "EUR 50M-100M", {800, 2000}},
    {250'000'000, "EUR 100M-250M", {1500, 5000}},
    {500'000'000, "EUR 250M-500M", {4000, 10000}},
}};

}  // namespace

const char* FineTierName(FineTier tier) {
  switch (tier) {
    case FineTier::k83_4:
      return "83(4)";
    case FineTier::k83_5:
      return "83(5)";
    case FineTier::k83_6:
      return "83(6)";
  }
  return "83(5)";
}

std::optional<FineTier> ParseFineTier(std::string_view text) {
  if (text.starts_with("Art. ")) text.remove_prefix(5);
  // A point after the paragraph ("83(5)(a)") names the same tier.
  if (text.size() == 8 && text[5] == '(' && text[7] == ')' && text[6] >= 'a' && text[6] <= 'z') {
    text.remove_suffix(3);
  }
  if (text == "83(4)") return FineTier::k83_4;
  if (text == "83(5)") return FineTier::k83_5;
  if (text == "83(6)") return FineTier::k83_6;
  return std::nullopt;
}

TierLimits LimitsOf(FineTier tier) {
  if (tier == FineTier::k83_4) return {10'000'000, 200};
  return {20'000'000, 400};
}

int64_t LegalMaximum(FineTier tier, std::optional<int64_t> turnover_eur) {
  const TierLimits limits = LimitsOf(tier);
  if (!turnover_eur) return limits.fixed_eur;
  const int64_t turnover = std::max<int64_t>(*turnover_eur, 0);
  return std::max(limits.fixed_eur,
                  ApplyBasisPoints(turnover, limits.turnover_bp, Rounding::kFloor));
}

FineTier GravestTier(FineTier a, FineTier b) {
  // The maxima of 83(5) and 83(6) are never below those of 83(4) for any turnover, so
  // comparing the enumerators (declared in that order) compares the maxima.
  return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

const char* SeriousnessName(Seriousness s) {
  switch (s) {
    case Seriousness::kLow:
      return "low";
    case Seriousness::kMedium:
      return "medium";
    case Seriousness::kHigh:
      return "high";
  }
  return "medium";
}

Seriousness ParseSeriousness(std::string_view name) {
  if (name == "low") return Seriousness::kLow;
  if (name == "high") return Seriousness::kHigh;
  return Seriousness::kMedium;
}

ShareRange SeriousnessShare(Seriousness s) {
  switch (s) {
    case Seriousness::kLow:
      return {0, 1000};
    case Seriousness::kMedium:
      return {1000, 2000};
    case Seriousness::kHigh:
      return {2000, kBasis};
  }
  return {1000, 2000};
}

TurnoverBand BandForTurnover(std::optional<int64_t> turnover_eur) {
  if (!turnover_eur) return {"unknown", {kBasis, kBasis}, false};
  for (const BandRow& row : kBands) {
    if (*turnover_eur <= row.upper_eur) return {row.label, row.share, true};
  }
  return {"> EUR 500M", {kBasis, kBasis}, false};
}

int64_t ApplyBasisPoints(int64_t amount, int64_t bp, Rounding rounding) {
  return MulDiv(amount, bp, kBasis, rounding);
}

StartingPoint ComputeStartingPoint(FineTier tier, Seriousness seriousness,
                                   std::optional<int64_t> turnover_eur) {
  StartingPoint sp{
      tier, seriousness, LegalMaximum(tier, turnover_eur), {}, BandForTurnover(turnover_eur), {}};
  const ShareRange sev = SeriousnessShare(seriousness);
  sp.starting = {ApplyBasisPoints(sp.legal_max_eur, sev.low_bp, Rounding::kFloor),
                 ApplyBasisPoints(sp.legal_max_eur, sev.high_bp, Rounding::kCeil)};
  sp.adjusted = {
      ApplyTwoShares(sp.legal_max_eur, sev.low_bp, sp.band.share.low_bp, Rounding::kFloor),
      ApplyTwoShares(sp.legal_max_eur, sev.high_bp, sp.band.share.high_bp, Rounding::kCeil)};
  // Step 4: never above the legal maximum (both shares are at most 100 %, so this only
  // guards against rounding up past L).
  sp.adjusted.high_eur = std::min(sp.adjusted.high_eur, sp.legal_max_eur);
  sp.starting.high_eur = std::min(sp.starting.high_eur, sp.legal_max_eur);
  return sp;
}

}  // namespace gdpr::analysis
