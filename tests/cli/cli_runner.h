// RunCli: runs the gdpr-audit command line in-process, as a user would type it, and
// captures what it prints; shared by the end-to-end tests of tests/cli/.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli/app.h"

namespace gdpr::test {

struct CliResult {
  int code;
  std::string out, err;
};

// `args` without the program name.
inline CliResult RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "gdpr-audit");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = gdpr::cli::Run(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace gdpr::test
