// FineMethod: the pure arithmetic of the EDPB fining method (Guidelines 04/2022, v2.1)
// for step 2 (starting amount) and step 4 (legal maximum). No findings, no inventory:
// a tier, a seriousness level and a turnover in, whole euros out. The fine estimator
// (fine_estimator.h) decides tiers, seriousness and conducts and calls this.
//
// All money is int64_t whole euros and every percentage is an integer number of basis
// points (1 bp = 0.01 %), so 0.3 % of EUR 2,000,000 is exactly EUR 6,000. Products are
// taken in 128-bit integers; a range's low end is rounded down and its high end up, so
// a range is never narrower than the exact one (every figure of the reference tables
// is exact anyway).
//
// Sources (see /work/shared/law/fines-and-law.md sections 2-3):
//   legal maximum   Art. 83(4)-(6): max(fixed, % x turnover); fixed when turnover unknown
//   seriousness     para 60: low 0-10 %, medium 10-20 %, high 20-100 % of the maximum
//   size adjustment paras 64-66: seven turnover bands, upper bounds inclusive; none above
//                   EUR 500M (the size is already in the dynamic maximum) or when the
//                   turnover is unknown
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gdpr::analysis {

// The paragraph of Art. 83 that sets the maximum. 83(6) (non-compliance with an order)
// has the same maxima as 83(5).
enum class FineTier { k83_4, k83_5, k83_6 };

// "83(4)", "83(5)", "83(6)".
const char* FineTierName(FineTier tier);
// Parses "83(4)", "83(5)", "83(6)", also with an "Art. " prefix or a point ("83(5)(a)");
// nullopt otherwise.
std::optional<FineTier> ParseFineTier(std::string_view text);

// The fixed maximum (EUR 10M for 83(4), EUR 20M for 83(5)/(6)) and the share of turnover
// (2 % = 200 bp, 4 % = 400 bp).
struct TierLimits {
  int64_t fixed_eur;
  int64_t turnover_bp;
};
TierLimits LimitsOf(FineTier tier);

// The legal maximum L for an undertaking with worldwide annual turnover `turnover_eur`:
// max(fixed, % x turnover), rounded down to the euro. Without a turnover (unknown, or not
// an undertaking) L is the fixed maximum. A negative turnover counts as zero.
int64_t LegalMaximum(FineTier tier, std::optional<int64_t> turnover_eur);

// The tier with the higher legal maximum for this turnover (the "gravest infringement"
// of Art. 83(3)); on a tie the higher paragraph.
FineTier GravestTier(FineTier a, FineTier b);

enum class Seriousness { kLow, kMedium, kHigh };
// "low", "medium", "high".
const char* SeriousnessName(Seriousness s);
// Parses "low", "medium", "high"; kMedium for anything else.
Seriousness ParseSeriousness(std::string_view name);

// A share range in basis points of some amount: [low_bp, high_bp].
struct ShareRange {
  int64_t low_bp;
  int64_t high_bp;
};

// Para 60: low [0, 1000], medium [1000, 2000], high [2000, 10000] bp of L.
ShareRange SeriousnessShare(Seriousness s);

// One row of the turnover table of paras 64-66.
struct TurnoverBand {
  std::string label;     // "<= EUR 2M", "EUR 2M-10M", ..., "> EUR 500M", "unknown"
  ShareRange share;      // fraction of the starting amount; [10000, 10000] when none
  bool adjusts = false;  // false above EUR 500M and when the turnover is unknown
};

// The band for a turnover: <= 2M [20, 40] bp; <= 10M [30, 200]; <= 50M [150, 1000];
// <= 100M [800, 2000]; <= 250M [1500, 5000]; <= 500M [4000, 10000]; above: no adjustment.
// Upper bounds are inclusive (2,000,000 is in the first band). nullopt: "unknown", none.
TurnoverBand BandForTurnover(std::optional<int64_t> turnover_eur);

// A range of euros, both ends inclusive.
struct EuroRange {
  int64_t low_eur = 0;
  int64_t high_eur = 0;
  bool operator==(const EuroRange&) const = default;
};

// `amount` x `bp` / 10,000, rounded down (kFloor) or up (kCeil); exact when divisible.
enum class Rounding { kFloor, kCeil };
int64_t ApplyBasisPoints(int64_t amount, int64_t bp, Rounding rounding);

// Everything step 2 produces for one (tier, seriousness, turnover).
struct StartingPoint {
  FineTier tier;
  Seriousness seriousness;
  int64_t legal_max_eur;  // L (step 4 cap)
  EuroRange starting;     // para 60 band of L, before the size adjustment
  TurnoverBand band;      // paras 64-66
  EuroRange adjusted;     // [sev_low x L x size_low, sev_high x L x size_high] (section 3.3)
};

// The starting point of a fine. `adjusted` equals `starting` when the band does not
// adjust (turnover above EUR 500M or unknown); it never exceeds L.
StartingPoint ComputeStartingPoint(FineTier tier, Seriousness seriousness,
                                   std::optional<int64_t> turnover_eur);

}  // namespace gdpr::analysis
