// libFuzzer target: the YAML adapter must turn any bytes into a tree or a diagnostic.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/yaml_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gdpr::model::Diagnostics diags;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto root = gdpr::load::ParseYaml(text, "fuzz.yaml", diags);
  if (!root && !diags.HasErrors()) __builtin_trap();  // a failure must say why
  return 0;
}
