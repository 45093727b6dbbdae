#include "cli/color_mode.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace gdpr::cli {

const std::vector<std::string> kColorModes = {"auto", "always", "never"};

bool UseColor(const std::string& mode, const std::ostream& stream) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  if (&stream == &std::cerr) return isatty(STDERR_FILENO) == 1;
  if (&stream == &std::cout) return isatty(STDOUT_FILENO) == 1;
  return false;  // a string stream or file: never a terminal
}

}  // namespace gdpr::cli
