// Diagnostics: the sink every loader and parser reports problems to.
//
// Errors are values: a loader appends and keeps going, so a user sees every problem
// of a run at once. A diagnostic carries its location, a message and an optional hint
// ("did you mean 'user.contact.email'?"). Loaders register the text they parsed with
// AddSource() so that rendering can quote the offending line with a caret.
#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_location.h"

namespace gdpr::model {

enum class DiagnosticLevel { kError, kWarning, kNote };

struct Diagnostic {
  DiagnosticLevel level = DiagnosticLevel::kError;
  SourceLocation location;
  std::string message;
  std::string hint;  // empty when there is nothing useful to add
};

class Diagnostics {
 public:
  void Error(SourceLocation loc, std::string message, std::string hint = {});
  void Warning(SourceLocation loc, std::string message, std::string hint = {});
  void Note(SourceLocation loc, std::string message, std::string hint = {});
  void Add(Diagnostic d);

  // Remembers the text of a file so Render() can quote its lines. Cheap to call
  // more than once for the same path (the last text wins; the very buffer already
  // registered for it, as the overload below leaves it, is not copied again).
  void AddSource(std::string_view path, std::string_view text);
  // The same without a copy: the text is shared with the caller, who can go on reading
  // it (a parser, say) while it is registered.
  void AddSource(std::string_view path, std::shared_ptr<const std::string> text);
  // Forgets the text of every source no diagnostic points into: a big audit reads
  // megabytes of DDL that are only worth keeping when something in them is reported.
  void DropUnusedSources();
  // Moves every diagnostic and source of `other` (filled on another thread, say) to
  // the end of this one, in their order.
  void Append(Diagnostics&& other);

  bool HasErrors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  int warning_count() const { return warning_count_; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  size_t size() const { return diagnostics_.size(); }

  // Sorts the diagnostics from index `from` on by location (stable), so that the
  // problems a loader found in one file read top to bottom.
  void SortFrom(size_t from);

  // Returns line `line` (1-based) of a registered source, without its newline,
  // or an empty string when the path or line is unknown.
  std::string SourceLine(std::string_view path, int line) const;

  // Writes every diagnostic as
  //   path:line:col: error: message
  //     offending source line
  //          ^
  //   hint: did you mean ...?
  // in the order they were reported (stable), with ANSI colour when `color`.
  void Render(std::ostream& out, bool color) const;

 private:
  std::vector<Diagnostic> diagnostics_;
  std::map<std::string, std::shared_ptr<const std::string>, std::less<>> sources_;
  int error_count_ = 0;
  int warning_count_ = 0;
};

}  // namespace gdpr::model
