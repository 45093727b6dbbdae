// DatabaseUrl: where a live database is, as a user writes it, with its secret kept apart.
//
// Accepted forms:
//   sqlite:path/to/app.db          relative to the working directory
//   sqlite://path/to/app.db        the same ("//" is dropped)
//   sqlite:///abs/path/app.db      absolute
//   postgresql://[user[:password]@][host][:port][/dbname][?key=value&...]
//   postgres://...                 the same
//
// The password (from the URL's user-info, a `password=` query parameter or a password
// file) never reaches a printable field: Redacted() shows it as "***", and only
// PostgresParams() hands it out, to libpq. Every message, diagnostic and Schema::path
// must use Redacted() (or Scrub() for text that came back from a driver).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.h"

namespace gdpr::load {

enum class DatabaseKind { kSqlite, kPostgres };

// True when `text` starts with a database URL scheme we understand ("sqlite:",
// "postgresql://", "postgres://", case-insensitive), so a command can tell a URL from
// a schema file name.
bool IsDatabaseUrl(std::string_view text);

// Replaces the password of every "scheme://user:password@" and the value of every
// `password=` / `sslpassword=` parameter in `text` with "***". For any text that may
// quote a URL; errs on the side of hiding too much.
std::string RedactUrl(std::string_view text);

class DatabaseUrl {
 public:
  // Parses `url`. On failure reports an error (quoting only the redacted URL) to
  // `diags` and returns nullopt.
  static std::optional<DatabaseUrl> Parse(std::string_view url, model::Diagnostics& diags);

  DatabaseKind kind() const { return kind_; }
  // The URL as given, with the password replaced by "***". Safe to print.
  const std::string& Redacted() const { return redacted_; }
  // kSqlite: the file path (never empty).
  const std::string& sqlite_path() const { return sqlite_path_; }
  bool has_password() const { return password_.has_value(); }

  // Takes the password from the first line of `path` (trailing "\n" / "\r\n" removed),
  // replacing any password in the URL. Returns false after reporting an error when the
  // file cannot be read or its first line is empty. The password is never reported.
  bool LoadPasswordFile(const std::string& path, model::Diagnostics& diags);
  void SetPassword(std::string password) { password_ = std::move(password); }

  // kPostgres: keyword/value pairs for PQconnectdbParams(..., expand_dbname=1): the URL
  // without any password as "dbname", then the password (when known) and our defaults
  // (connect_timeout=10 unless the URL sets one, client_encoding, application name).
  // Holds the secret: hand it to libpq and nowhere else.
  std::vector<std::pair<std::string, std::string>> PostgresParams() const;

  // `text` with every known secret of this URL (the password, literally and
  // percent-encoded, and PGPASSWORD) and every URL password replaced by "***". Use on
  // messages that come back from a driver before they are shown.
  std::string Scrub(std::string_view text) const;

 private:
  bool SplitPostgres(std::string_view scheme, std::string_view rest, model::Diagnostics& diags);
  void TakeQueryPassword(std::string& host_and_rest);

  DatabaseKind kind_ = DatabaseKind::kSqlite;
  std::string redacted_;
  std::string sqlite_path_;
  std::string url_without_password_;  // kPostgres: what libpq parses
  bool has_connect_timeout_ = false;
  std::optional<std::string> password_;
  std::string password_as_written_;  // percent-encoded form from the URL, for Scrub()
};

}  // namespace gdpr::load
