#include "sql/dialect_sniffer.h"

#include <array>
#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace gdpr::sql {
namespace {

using model::Dialect;

struct Signal {
  std::string_view needle;  // lower case
  Dialect dialect;
  int weight;
};

// Each signal counts at most kMaxHits times, so one very repetitive feature (a dump
// full of `::` casts) cannot drown every other piece of evidence.
constexpr int kMaxHits = 10;
constexpr size_t kSniffBytes = 64 * 1024;

constexpr std::array kSignals = {
    Signal{"set statement_timeout", Dialect::kPostgres, 5},
    Signal{"set client_encoding", Dialect::kPostgres, 5},
    Signal{"set standard_conforming_strings", Dialect::kPostgres, 5},
    Signal{"pg_catalog.", Dialect::kPostgres, 5},
    Signal{"::", Dialect::kPostgres, 1},
    Signal{"$$", Dialect::kPostgres, 2},
    Signal{"$_$", Dialect::kPostgres, 2},
    Signal{"language plpgsql", Dialect::kPostgres, 5},
    Signal{"\\connect", Dialect::kPostgres, 5},
    Signal{"\\copy", Dialect::kPostgres, 5},
    Signal{"\\pset", Dialect::kPostgres, 5},
    Signal{"create extension", Dialect::kPostgres, 5},
    Signal{"owner to", Dialect::kPostgres, 3},
    Signal{"nextval(", Dialect::kPostgres, 3},
    Signal{"character varying", Dialect::kPostgres, 2},
    Signal{"time zone", Dialect::kPostgres, 2},
    Signal{"timestamptz", Dialect::kPostgres, 3},
    Signal{"bytea", Dialect::kPostgres, 1},
    Signal{"jsonb", Dialect::kPostgres, 3},
    Signal{"serial", Dialect::kPostgres, 1},
    Signal{"create type", Dialect::kPostgres, 3},
    Signal{"create domain", Dialect::kPostgres, 3},
    Signal{"`", Dialect::kMysql, 1},
    Signal{"engine=", Dialect::kMysql, 5},
    Signal{"engine =", Dialect::kMysql, 5},
    Signal{"/*!", Dialect::kMysql, 5},
    Signal{"auto_increment", Dialect::kMysql, 5},
    Signal{"delimiter ", Dialect::kMysql, 3},
    Signal{"unsigned", Dialect::kMysql, 2},
    Signal{"charset", Dialect::kMysql, 3},
    Signal{"lock tables", Dialect::kMysql, 5},
    Signal{"\n# ", Dialect::kMysql, 2},
    Signal{"autoincrement", Dialect::kSqlite, 5},
    Signal{"sqlite_", Dialect::kSqlite, 5},
    Signal{"without rowid", Dialect::kSqlite, 5},
    Signal{"create virtual table", Dialect::kSqlite, 5},
    Signal{"pragma ", Dialect::kSqlite, 5},
    Signal{"\n.schema", Dialect::kSqlite, 5},
    Signal{"integer primary key", Dialect::kSqlite, 3},
    Signal{"integer not null primary key", Dialect::kSqlite, 3},
    Signal{"insert or replace", Dialect::kSqlite, 3},
    Signal{"insert or ignore", Dialect::kSqlite, 3},
    Signal{"using fts", Dialect::kSqlite, 5},
    Signal{"raise(abort", Dialect::kSqlite, 3},
};

constexpr char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// One dialect has strong evidence and at least four times any other's.
bool Decisive(const int (&score)[4]) {
  int best = 0;
  int second = 0;
  for (int d = 1; d < 4; ++d) {
    if (score[d] > best) {
      second = best;
      best = score[d];
    } else if (score[d] > second) {
      second = score[d];
    }
  }
  return best >= 40 && second * 4 < best;
}

constexpr bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The signals grouped by their first character (a counting sort done at compile time):
// signals starting with `c` are order[begin[c]] .. order[begin[c + 1] - 1].
// `pair` has a bit for each (first, second) pair of lower-cased bytes that some signal
// starts with (second 0 also stands for the end of the text), so most candidate
// positions are dismissed with one lookup.
struct SignalIndex {
  std::array<uint8_t, 257> begin{};
  std::array<uint8_t, kSignals.size()> order{};
  std::array<bool, 256> word_byte{};
  std::array<char, 256> lower{};
  std::array<uint64_t, 256 * 256 / 64> pair{};

  bool HasPair(unsigned char first, unsigned char second) const {
    size_t bit = first * 256u + second;
    return (pair[bit / 64] >> (bit % 64)) & 1;
  }
};

constexpr SignalIndex MakeSignalIndex() {
  static_assert(kSignals.size() < 256);
  SignalIndex index;
  std::array<uint8_t, 257> count{};
  for (const Signal& s : kSignals) ++count[static_cast<unsigned char>(s.needle[0]) + 1];
  for (size_t c = 1; c < 257; ++c)
    index.begin[c] = static_cast<uint8_t>(index.begin[c - 1] + count[c]);
  std::array<uint8_t, 257> next = index.begin;
  for (size_t i = 0; i < kSignals.size(); ++i)
    index.order[next[static_cast<unsigned char>(kSignals[i].needle[0])]++] =
        static_cast<uint8_t>(i);
  for (int c = 0; c < 256; ++c) {
    index.word_byte[c] = IsWordByte(static_cast<char>(c));
    index.lower[c] = Lower(static_cast<char>(c));
  }
  for (const Signal& s : kSignals) {
    size_t first = static_cast<unsigned char>(s.needle[0]);
    for (size_t second = 0; second < 256; ++second) {
      if (s.needle.size() > 1 && second != static_cast<unsigned char>(s.needle[1])) continue;
      size_t bit = first * 256 + second;
      index.pair[bit / 64] |= uint64_t{1} << (bit % 64);
    }
  }
  return index;
}

constexpr SignalIndex kIndex = MakeSignalIndex();

bool MatchesAt(std::string_view text, size_t pos, std::string_view needle) {
  if (text.size() - pos < needle.size()) return false;
  for (size_t i = 1; i < needle.size(); ++i)
    if (kIndex.lower[static_cast<unsigned char>(text[pos + i])] != needle[i]) return false;
  return true;
}

// Signals start with a lower-case letter or with one of these bytes; the vector scan
// below relies on it.
constexpr std::string_view kSymbolStarts = ":$\\`/\n";

constexpr bool SignalStartsAreKnown() {
  for (const Signal& s : kSignals) {
    char c = s.needle[0];
    if (!(c >= 'a' && c <= 'z') && kSymbolStarts.find(c) == std::string_view::npos) return false;
  }
  return true;
}
static_assert(SignalStartsAreKnown(), "a signal starts with a byte the scan does not visit");

// The state of one sniff: the evidence so far.
class Evidence {
 public:
  explicit Evidence(std::string_view head) : head_(head) {
    if (head.starts_with(".schema")) score_[static_cast<int>(Dialect::kSqlite)] += 5;
  }

  // Compares the signals that can start at `pos`, a position where one may start (not
  // inside a word). Positions must come in increasing order. Returns false when the
  // evidence is already decisive and the scan should stop.
  bool Visit(size_t pos) {
    unsigned char u =
        static_cast<unsigned char>(kIndex.lower[static_cast<unsigned char>(head_[pos])]);
    unsigned char next =
        pos + 1 < head_.size() ? kIndex.lower[static_cast<unsigned char>(head_[pos + 1])] : 0;
    if (!kIndex.HasPair(u, next)) return true;
    // A clear verdict early on ends the scan: most files say who they are at the top.
    // It is checked once per 4 KiB block; positions skipped since the last check added
    // nothing, so this gives the verdict a check at the block's first byte would.
    if ((pos >> 12) != checked_block_) {
      checked_block_ = pos >> 12;
      if (Decisive(score_)) return false;
    }
    for (size_t k = kIndex.begin[u]; k < kIndex.begin[u + 1]; ++k) {
      size_t i = kIndex.order[k];
      if (hits_[i] < kMaxHits && MatchesAt(head_, pos, kSignals[i].needle)) {
        ++hits_[i];
        score_[static_cast<int>(kSignals[i].dialect)] += kSignals[i].weight;
      }
    }
    return true;
  }

  Dialect Verdict() const {
    Dialect best = Dialect::kUnknown;
    int best_score = 0;
    for (Dialect d : {Dialect::kPostgres, Dialect::kMysql, Dialect::kSqlite}) {
      if (score_[static_cast<int>(d)] > best_score) {
        best = d;
        best_score = score_[static_cast<int>(d)];
      }
    }
    return best;
  }

 private:
  std::string_view head_;
  std::array<int, kSignals.size()> hits_{};
  int score_[4] = {0, 0, 0, 0};
  size_t checked_block_ = 0;
};

// Visits every position from `pos` on that is not inside a word, stepping over the rest
// of each word at once (no signal starts with a digit or '_'). False when stopped.
bool ScanScalar(std::string_view head, size_t pos, Evidence& evidence) {
  while (pos < head.size()) {
    unsigned char u = static_cast<unsigned char>(head[pos]);
    if (!evidence.Visit(pos)) return false;
    ++pos;
    if (kIndex.word_byte[u])
      while (pos < head.size() && kIndex.word_byte[static_cast<unsigned char>(head[pos])]) ++pos;
  }
  return true;
}

#if defined(__SSE2__)
// 16 bytes at a time: a mask of the positions where a signal can start (a letter after a
// byte that is not a word byte, or one of kSymbolStarts), visited in order.
bool ScanVector(std::string_view head, Evidence& evidence) {
  if (head.size() < 17) return ScanScalar(head, 0, evidence);
  if (!evidence.Visit(0)) return false;  // the first byte always starts a word or is no word
  const char* data = head.data();
  auto in_range = [](__m128i v, char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  size_t pos = 1;
  for (; pos + 16 <= head.size(); pos += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos - 1));
    const __m128i case_bit = _mm_set1_epi8(0x20);
    // Bytes >= 0x80 are negative as signed bytes, so they are never in these ranges.
    __m128i letter = in_range(_mm_or_si128(v, case_bit), 'a', 'z');
    __m128i prev_word = _mm_or_si128(
        _mm_or_si128(in_range(_mm_or_si128(prev, case_bit), 'a', 'z'), in_range(prev, '0', '9')),
        _mm_cmpeq_epi8(prev, _mm_set1_epi8('_')));
    __m128i visit = _mm_andnot_si128(prev_word, letter);
    for (char c : kSymbolStarts) visit = _mm_or_si128(visit, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(visit)); mask != 0;
         mask &= mask - 1) {
      if (!evidence.Visit(pos + static_cast<size_t>(std::countr_zero(mask)))) return false;
    }
  }
  // The tail, byte by byte, with the same rule.
  for (; pos < head.size(); ++pos) {
    char c = head[pos];
    char lower = kIndex.lower[static_cast<unsigned char>(c)];
    bool letter = lower >= 'a' && lower <= 'z';
    bool inside_word = letter && kIndex.word_byte[static_cast<unsigned char>(head[pos - 1])];
    bool symbol = kSymbolStarts.find(c) != std::string_view::npos;
    if ((letter && !inside_word) || symbol) {
      if (!evidence.Visit(pos)) return false;
    }
  }
  return true;
}
#endif

}  // namespace

// One pass over the sniffed prefix: only positions where a signal can start are compared,
// and only with the signals that start with their (lower-cased) character. Signals that
// start with a letter only match at the start of a word.
Dialect SniffDialect(std::string_view text) {
  std::string_view head = text.substr(0, kSniffBytes);
  Evidence evidence(head);
#if defined(__SSE2__)
  ScanVector(head, evidence);
#else
  ScanScalar(head, 0, evidence);
#endif
  return evidence.Verdict();
}

}  // namespace gdpr::sql
