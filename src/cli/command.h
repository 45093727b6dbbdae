// Command: one subcommand of gdpr-audit. Each lives in its own file and is listed in
// the command table of app.cpp; Register() declares its options on the CLI11 app and
// Run() does the work after parsing succeeded.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>

namespace gdpr::cli {

// The streams a command writes to; tests pass string streams.
struct Io {
  std::ostream& out;
  std::ostream& err;
  // The process ends when the command does (main, not a test): a command may then exit
  // once its output is out, without freeing what it built (see util::ExitNow).
  bool process_ends = false;
};

// Exit codes of the contract (spec/cli.md).
constexpr int kExitOk = 0;        // nothing at or above --fail-on
constexpr int kExitFindings = 1;  // findings at or above --fail-on
constexpr int kExitError = 2;     // the audit could not be done

class Command {
 public:
  virtual ~Command() = default;
  // Adds the subcommand and its options to `app` and returns it.
  virtual CLI::App* Register(CLI::App& app) = 0;
  // Runs the command; returns its exit code.
  virtual int Run(Io& io) = 0;
};

}  // namespace gdpr::cli
