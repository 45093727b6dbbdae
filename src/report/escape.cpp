#include "report/escape.h"

#include "util/utf8.h"

namespace gdpr::report {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  for (char c : util::ValidUtf8(text)) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) break;
        out += c;
    }
  }
  return out;
}

std::string EscapeXml(std::string_view text, bool attribute) {
  std::string out;
  for (char c : util::ValidUtf8(text)) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += attribute ? "&#13;" : "\r"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default:
        if (u < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string EscapeMarkdown(std::string_view text) {
  std::string valid = util::ValidUtf8(text);
  std::string out;
  bool only_digits = true;  // so far: "12." at the start would open an ordered list
  for (size_t i = 0; i < valid.size(); ++i) {
    char c = valid[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (u < 0x20 || u == 0x7F) {
      out += ' ';
    } else {
      bool markup = std::string_view("\\`*_{}[]#|~").find(c) != std::string_view::npos;
      bool opens_list = (i == 0 && (c == '-' || c == '+')) ||
                        (i > 0 && only_digits && (c == '.' || c == ')'));
      if (markup || opens_list) out += '\\';
      out += c;
    }
    only_digits = only_digits && c >= '0' && c <= '9';
  }
  return out;
}

std::string CsvField(std::string_view text) {
  std::string value = util::ValidUtf8(text);
  if (!value.empty() && std::string_view("=+-@").find(value[0]) != std::string_view::npos)
    value.insert(0, 1, '\'');
  bool quote = value.find_first_of(",\"\r\n") != std::string::npos ||
               (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace gdpr::report
