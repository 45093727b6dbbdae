#include "sql/dialect_sniffer.h"

#include <array>
#include <string>

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
constexpr size_t kSniffBytes = 256 * 1024;

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
};

int Hits(std::string_view haystack, std::string_view needle) {
  int hits = 0;
  size_t pos = 0;
  while (hits < kMaxHits && (pos = haystack.find(needle, pos)) != std::string_view::npos) {
    ++hits;
    pos += needle.size();
  }
  return hits;
}

}  // namespace

Dialect SniffDialect(std::string_view text) {
  std::string lower(text.substr(0, kSniffBytes));
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  int score[4] = {0, 0, 0, 0};
  if (lower.starts_with(".schema")) score[static_cast<int>(Dialect::kSqlite)] += 5;
  for (const Signal& s : kSignals) score[static_cast<int>(s.dialect)] += s.weight * Hits(lower, s.needle);
  Dialect best = Dialect::kUnknown;
  int best_score = 0;
  for (Dialect d : {Dialect::kPostgres, Dialect::kMysql, Dialect::kSqlite}) {
    if (score[static_cast<int>(d)] > best_score) {
      best = d;
      best_score = score[static_cast<int>(d)];
    }
  }
  return best;
}

}  // namespace gdpr::sql
