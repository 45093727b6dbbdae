// libFuzzer target: database URLs and their redaction. Any bytes parse or give a
// diagnostic; and when the URL's password is a known secret written once in the
// input, neither the redacted URL, nor a diagnostic, nor a scrubbed copy of the input
// contains it. The byte 0x01 in the input stands for the secret.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "load/database_url.h"

namespace {

constexpr std::string_view kSecret = "Zx9Qw7Secret";

size_t Count(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string url;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 1) url += kSecret;
    else url += static_cast<char>(data[i]);
  }
  gdpr::model::Diagnostics diags;
  auto parsed = gdpr::load::DatabaseUrl::Parse(url, diags);
  if (!parsed && !diags.HasErrors()) __builtin_trap();  // a failure must say why
  (void)gdpr::load::RedactUrl(url);
  if (!parsed || parsed->kind() != gdpr::load::DatabaseKind::kPostgres) return 0;

  bool secret_is_password = false;
  for (const auto& [key, value] : parsed->PostgresParams())
    if (key == "password" && value == kSecret) secret_is_password = true;
  // Percent-encoding could spell the secret a second way; judge only plain cases.
  if (!secret_is_password || Count(url, kSecret) != 1 || url.find('%') != std::string::npos)
    return 0;
  if (parsed->Redacted().find(kSecret) != std::string::npos) __builtin_trap();
  if (parsed->Scrub(url).find(kSecret) != std::string::npos) __builtin_trap();
  for (const auto& d : diags.all())
    if (d.message.find(kSecret) != std::string::npos || d.hint.find(kSecret) != std::string::npos)
      __builtin_trap();
  return 0;
}
