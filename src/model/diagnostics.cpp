#include "model/diagnostics.h"

#include <algorithm>
#include <iterator>

#include "util/redact.h"

namespace gdpr::model {
namespace {

const char* LevelName(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::kError: return "error";
    case DiagnosticLevel::kWarning: return "warning";
    case DiagnosticLevel::kNote: return "note";
  }
  return "error";
}

const char* LevelColor(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::kError: return "\x1b[1;31m";
    case DiagnosticLevel::kWarning: return "\x1b[1;35m";
    case DiagnosticLevel::kNote: return "\x1b[1;36m";
  }
  return "";
}

// Quoted lines are printed with tabs expanded and control characters replaced, so
// the caret lines up and a binary file cannot write escape sequences to a terminal.
std::string Printable(std::string_view line, size_t max_len) {
  std::string out;
  for (char c : line.substr(0, max_len)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\t') out += ' ';
    else if (u < 0x20 || u == 0x7f) out += '?';
    else out += c;
  }
  return out;
}

}  // namespace

void Diagnostics::Error(SourceLocation loc, std::string message, std::string hint) {
  Add({DiagnosticLevel::kError, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::Warning(SourceLocation loc, std::string message, std::string hint) {
  Add({DiagnosticLevel::kWarning, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::Note(SourceLocation loc, std::string message, std::string hint) {
  Add({DiagnosticLevel::kNote, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::Add(Diagnostic d) {
  if (d.level == DiagnosticLevel::kError) ++error_count_;
  if (d.level == DiagnosticLevel::kWarning) ++warning_count_;
  diagnostics_.push_back(std::move(d));
}

void Diagnostics::SortFrom(size_t from) {
  if (from >= diagnostics_.size()) return;
  std::stable_sort(diagnostics_.begin() + static_cast<std::ptrdiff_t>(from), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.location < b.location; });
}

void Diagnostics::AddSource(std::string_view path, std::string_view text) {
  if (auto it = sources_.find(path);
      it != sources_.end() && it->second->data() == text.data() && it->second->size() == text.size())
    return;
  sources_[std::string(path)] = std::make_shared<const std::string>(text);
}

void Diagnostics::AddSource(std::string_view path, std::shared_ptr<const std::string> text) {
  sources_[std::string(path)] = std::move(text);
}

void Diagnostics::DropUnusedSources() {
  for (auto it = sources_.begin(); it != sources_.end();) {
    bool used = std::any_of(diagnostics_.begin(), diagnostics_.end(),
                            [&](const Diagnostic& d) { return d.location.path == it->first; });
    it = used ? std::next(it) : sources_.erase(it);
  }
}

void Diagnostics::Append(Diagnostics&& other) {
  for (Diagnostic& d : other.diagnostics_) Add(std::move(d));
  for (auto& [path, text] : other.sources_) sources_[path] = std::move(text);
  other.diagnostics_.clear();
  other.sources_.clear();
  other.error_count_ = other.warning_count_ = 0;
}

std::string Diagnostics::SourceLine(std::string_view path, int line) const {
  auto it = sources_.find(path);
  if (it == sources_.end() || line <= 0) return {};
  std::string_view text = *it->second;
  size_t pos = 0;
  for (int i = 1; i < line; ++i) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  size_t end = text.find('\n', pos);
  std::string_view l = text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return std::string(l);
}

void Diagnostics::Render(std::ostream& out, bool color) const {
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  constexpr size_t kMaxQuote = 200;
  for (const Diagnostic& d : diagnostics_) {
    std::string where = d.location.ToString();
    if (!where.empty()) out << bold << where << ":" << reset << " ";
    out << (color ? LevelColor(d.level) : "") << LevelName(d.level) << ":" << reset << " "
        << util::RedactSecrets(d.message) << "\n";
    std::string line = SourceLine(d.location.path, d.location.line);
    if (!line.empty()) {
      out << "  " << Printable(util::RedactSecrets(line), kMaxQuote) << "\n";
      if (d.location.column > 0 && static_cast<size_t>(d.location.column) <= kMaxQuote) {
        out << "  " << std::string(d.location.column - 1, ' ') << (color ? "\x1b[1;32m" : "")
            << "^" << reset << "\n";
      }
    }
    if (!d.hint.empty()) out << "  hint: " << d.hint << "\n";
  }
}

}  // namespace gdpr::model
