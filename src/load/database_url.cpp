#include "load/database_url.h"

#include "load/libpq_library.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>

namespace gdpr::load {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";
constexpr std::string_view kPostgresSchemes[] = {"postgresql://", "postgres://"};
constexpr std::string_view kMask = "***";

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

size_t FindNoCase(std::string_view text, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= text.size(); ++i)
    if (StartsWithNoCase(text.substr(i), needle)) return i;
  return std::string_view::npos;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX sequences decoded; a malformed one is kept as written.
std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
        HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Control characters would let a URL rewrite the terminal it is printed on.
std::string Printable(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return text;
}

// In free text a URL ends at a blank or a quote; when the text is known to be one URL
// (`whole`), nothing ends it early, so a password with a blank is masked entirely.
bool EndsUrlToken(char c, bool whole) {
  if (whole) return false;
  return std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '\'' || c == '<' ||
         c == '>' || c == '`';
}

// Masks the password of every "scheme://user:password@host" in `text`. The user-info
// ends at the LAST '@' of the URL so that an unencoded '@', '/' or '?' in a password
// is still hidden.
std::string RedactUserInfo(std::string_view text, bool whole) {
  std::string out(text);
  size_t pos = 0;
  while ((pos = out.find("://", pos)) != std::string::npos) {
    size_t start = pos + 3;
    size_t end = start;
    while (end < out.size() && !EndsUrlToken(out[end], whole)) ++end;
    size_t at = out.rfind('@', end == 0 ? 0 : end - 1);
    if (at != std::string::npos && at >= start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at &&
          out.compare(colon + 1, at - colon - 1, kMask) != 0) {
        out.replace(colon + 1, at - colon - 1, kMask);
        end = colon + 1 + kMask.size() + 1;
      }
    }
    pos = std::max(start, std::min(end, out.size()));
  }
  return out;
}

// Masks the value of every `password=` (also sslpassword=, PGPASSWORD=) in `text`: up to
// the next '&' or blank, or the closing quote of a quoted conninfo value.
std::string RedactPasswordParams(std::string_view text, bool whole) {
  std::string out(text);
  constexpr std::string_view kKey = "password=";
  size_t pos = 0;
  while ((pos = FindNoCase(out, kKey, pos)) != std::string::npos) {
    size_t start = pos + kKey.size();
    size_t end = start;
    if (end < out.size() && out[end] == '\'') {
      end = out.find('\'', start + 1);
      end = end == std::string::npos ? out.size() : end + 1;
    } else {
      while (end < out.size() && out[end] != '&' && !EndsUrlToken(out[end], whole)) ++end;
    }
    if (end > start && out.compare(start, end - start, kMask) != 0)
      out.replace(start, end - start, kMask);
    pos = start + kMask.size();
  }
  return out;
}

void ReplaceAll(std::string& text, std::string_view secret) {
  if (secret.empty()) return;
  size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), kMask);
    pos += kMask.size();
  }
}

std::optional<std::string> ParseSqlitePath(std::string_view url) {
  std::string_view path = url.substr(kSqliteScheme.size());
  if (path.substr(0, 2) == "//") path.remove_prefix(2);
  if (path.empty()) return std::nullopt;
  return std::string(path);
}

// The connection keywords this libpq knows ("host", "sslmode", ...).
const std::set<std::string, std::less<>>& LibpqKeywords() {
  static const std::set<std::string, std::less<>> keywords = [] {
    std::set<std::string, std::less<>> names;
    // Without libpq no keyword is known: every query then counts as part of a
    // password and is masked, the safe side.
    if (PQconninfoOption* options = LibPqAvailable() ? pq::PQconndefaults() : nullptr) {
      for (PQconninfoOption* o = options; o->keyword; ++o) names.insert(o->keyword);
      pq::PQconninfoFree(options);
    }
    return names;
  }();
  return keywords;
}

// True when every '&'-separated part of `query` is key=value with a key libpq knows;
// anything else (libpq would refuse it too) suggests a password with a raw '?' or '&'.
bool IsQueryString(std::string_view query) {
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t amp = std::min(query.find('&', pos), query.size());
    std::string_view pair = query.substr(pos, amp - pos);
    size_t eq = pair.find('=');
    if (!pair.empty() &&
        (eq == std::string_view::npos || !LibpqKeywords().count(pair.substr(0, eq))))
      return false;
    pos = amp + 1;
  }
  return true;
}

}  // namespace

bool IsDatabaseUrl(std::string_view text) {
  if (StartsWithNoCase(text, kSqliteScheme)) return true;
  for (std::string_view scheme : kPostgresSchemes)
    if (StartsWithNoCase(text, scheme)) return true;
  return false;
}

std::string RedactUrl(std::string_view text) {
  return RedactPasswordParams(RedactUserInfo(text, false), false);
}

std::optional<DatabaseUrl> DatabaseUrl::Parse(std::string_view url, model::Diagnostics& diags) {
  DatabaseUrl result;
  result.redacted_ = Printable(RedactPasswordParams(RedactUserInfo(url, true), true));
  model::SourceLocation where{result.redacted_, 0, 0};

  if (StartsWithNoCase(url, kSqliteScheme)) {
    std::optional<std::string> path = ParseSqlitePath(url);
    if (!path) {
      diags.Error(where, "database URL '" + result.redacted_ + "' names no SQLite file",
                  "write sqlite:path/to/app.db or sqlite:///absolute/path/app.db");
      return std::nullopt;
    }
    result.kind_ = DatabaseKind::kSqlite;
    result.sqlite_path_ = *path;
    return result;
  }

  std::string_view scheme;
  for (std::string_view s : kPostgresSchemes)
    if (StartsWithNoCase(url, s)) scheme = s;
  if (scheme.empty()) {
    diags.Error(where, "unsupported database URL '" + result.redacted_ + "'",
                "supported: sqlite:path/to/app.db, postgresql://user@host:5432/dbname");
    return std::nullopt;
  }
  if (!result.SplitPostgres(url.substr(0, scheme.size()), url.substr(scheme.size()), diags))
    return std::nullopt;
  result.kind_ = DatabaseKind::kPostgres;
  return result;
}

bool DatabaseUrl::SplitPostgres(std::string_view scheme, std::string_view rest,
                                model::Diagnostics& diags) {
  // The user-info ends at the last '@' before the query string, so a password may hold
  // unencoded '/', ':' or '@'. An unencoded '?' or '&' in a password would split it
  // into a query that is not one: refuse that rather than show part of the password.
  size_t query_at = rest.find('?');
  if (query_at != std::string_view::npos && !IsQueryString(rest.substr(query_at + 1))) {
    // Part of the password may be anywhere in the URL: show none of it.
    redacted_ = std::string(scheme) + "***";
    diags.Error({redacted_, 0, 0}, "cannot tell where the password ends in the database URL",
                "percent-encode '?', '&' and '#' in a password (%3F, %26, %23), "
                "or use --db-password-file");
    return false;
  }
  std::string_view before_query = rest.substr(0, query_at);
  size_t at = before_query.rfind('@');
  std::string user_info;
  std::string host_and_rest(rest);
  if (at != std::string_view::npos) {
    user_info = std::string(rest.substr(0, at));
    host_and_rest = std::string(rest.substr(at + 1));
    size_t colon = user_info.find(':');
    if (colon != std::string::npos) {
      password_as_written_ = user_info.substr(colon + 1);
      password_ = PercentDecode(password_as_written_);
      user_info.resize(colon);
    }
  }
  // Rebuilt from the parts, so the mask covers exactly the password that is used.
  redacted_ = Printable(std::string(scheme) + user_info + (password_ ? ":***" : "") +
                        (at == std::string_view::npos ? "" : "@") +
                        RedactPasswordParams(host_and_rest, true));
  TakeQueryPassword(host_and_rest);
  url_without_password_ =
      "postgresql://" + (user_info.empty() ? "" : user_info + "@") + host_and_rest;
  return true;
}

// Removes a `password=` parameter from the query of `host_and_rest`, keeping its value
// as the password, and notes whether connect_timeout is set.
void DatabaseUrl::TakeQueryPassword(std::string& host_and_rest) {
  size_t query_at = host_and_rest.find('?');
  if (query_at == std::string::npos) return;
  std::string query = host_and_rest.substr(query_at + 1);
  std::string kept;
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string::npos) amp = query.size();
    std::string pair = query.substr(pos, amp - pos);
    std::string key = pair.substr(0, pair.find('='));
    if (key == "password") {
      password_as_written_ = pair.substr(std::min(pair.size(), key.size() + 1));
      password_ = PercentDecode(password_as_written_);
    } else if (!pair.empty()) {
      if (key == "connect_timeout") has_connect_timeout_ = true;
      kept += (kept.empty() ? "" : "&") + pair;
    }
    pos = amp + 1;
  }
  host_and_rest.resize(query_at);
  if (!kept.empty()) host_and_rest += "?" + kept;
}

bool DatabaseUrl::LoadPasswordFile(const std::string& path, model::Diagnostics& diags) {
  model::SourceLocation where{path, 0, 0};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.Error(where, "cannot read password file '" + path + "'");
    return false;
  }
  constexpr size_t kMaxLine = 4096;
  std::string line;
  char c;
  while (line.size() < kMaxLine && in.get(c) && c != '\n') line += c;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) {
    diags.Error(where, "password file '" + path + "' is empty",
                "put the password on the first line of the file");
    return false;
  }
  password_ = std::move(line);
  return true;
}

std::vector<std::pair<std::string, std::string>> DatabaseUrl::PostgresParams() const {
  std::vector<std::pair<std::string, std::string>> params;
  params.emplace_back("dbname", url_without_password_);
  if (password_) params.emplace_back("password", *password_);
  if (!has_connect_timeout_) params.emplace_back("connect_timeout", "10");
  params.emplace_back("fallback_application_name", "gdpr-audit");
  params.emplace_back("client_encoding", "UTF8");
  return params;
}

std::string DatabaseUrl::Scrub(std::string_view text) const {
  std::string out(text);
  if (password_) ReplaceAll(out, *password_);
  ReplaceAll(out, password_as_written_);
  if (const char* env = std::getenv("PGPASSWORD")) ReplaceAll(out, env);
  return Printable(RedactUrl(out));
}

}  // namespace gdpr::load
