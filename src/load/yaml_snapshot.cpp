#include "load/yaml_snapshot.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "util/intern.h"

namespace gdpr::load {
namespace {

// Blob layout: entries of [varint text size][text][varint tree size][tree]. A tree is
// a node: [kind][quoted][zigzag line][zigzag column][varint size][scalar]
// [varint item count][items...][varint entry count][(key, value)...].

void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void PutInt(std::string& out, int v) {
  const int64_t w = v;
  PutVarint(out, (static_cast<uint64_t>(w) << 1) ^ static_cast<uint64_t>(w >> 63));
}

void PutNode(std::string& out, const YamlNode& n) {
  out += static_cast<char>(n.kind);
  out += static_cast<char>(n.quoted ? 1 : 0);
  PutInt(out, n.line);
  PutInt(out, n.column);
  PutVarint(out, n.scalar.size());
  out += n.scalar;
  PutVarint(out, n.items.size());
  for (const YamlNode& item : n.items) PutNode(out, item);
  PutVarint(out, n.entries.size());
  for (const YamlEntry& e : n.entries) {
    PutNode(out, e.first);
    PutNode(out, e.second);
  }
}

// Reads what the Put functions wrote; every read is bounds-checked, `ok` turns false
// on the first malformed byte.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  bool ok() const { return ok_; }
  bool done() const { return pos_ >= data_.size(); }

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) return Fail();
      const auto byte = static_cast<unsigned char>(data_[pos_++]);
      v |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return v;
    }
    return Fail();
  }

  int Int() {
    const uint64_t z = Varint();
    return static_cast<int>(static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1));
  }

  std::string_view Bytes(uint64_t n) {
    if (n > data_.size() - pos_) return Fail(), std::string_view();
    std::string_view out = data_.substr(pos_, n);
    pos_ += n;
    return out;
  }

  bool Node(YamlNode& n, const std::string* path, int depth) {
    if (depth > 1000 || pos_ + 2 > data_.size()) return Fail();
    const auto kind = static_cast<unsigned char>(data_[pos_++]);
    if (kind > static_cast<unsigned char>(YamlNode::Kind::kMap)) return Fail();
    n.kind = static_cast<YamlNode::Kind>(kind);
    n.quoted = data_[pos_++] != 0;
    n.line = Int();
    n.column = Int();
    n.path = path;
    n.scalar = std::string(Bytes(Varint()));
    const uint64_t items = Varint();
    if (!ok_ || items > data_.size() - pos_) return Fail();
    n.items.resize(items);
    for (YamlNode& item : n.items)
      if (!Node(item, path, depth + 1)) return false;
    const uint64_t entries = Varint();
    if (!ok_ || entries > data_.size() - pos_) return Fail();
    n.entries.resize(entries);
    for (YamlEntry& e : n.entries)
      if (!Node(e.first, path, depth + 1) || !Node(e.second, path, depth + 1)) return false;
    return ok_;
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    pos_ = data_.size();
    return 0;
  }

  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

struct Entry {
  std::string_view text;
  std::string_view tree;
};

struct Registry {
  std::mutex mu;
  // By text size: sizes rarely collide, and a hit is confirmed by comparing the
  // whole text, so nothing is hashed (installing runs before main()).
  std::unordered_multimap<size_t, Entry> entries;
};

Registry& TheRegistry() {
  static Registry registry;
  return registry;
}

}  // namespace

void AppendToYamlSnapshot(std::string& blob, std::string_view text, const YamlNode& root) {
  std::string tree;
  PutNode(tree, root);
  PutVarint(blob, text.size());
  blob.append(text);
  PutVarint(blob, tree.size());
  blob += tree;
}

bool InstallYamlSnapshot(std::string_view blob) {
  std::vector<Entry> found;
  Reader reader(blob);
  while (!reader.done()) {
    Entry e;
    e.text = reader.Bytes(reader.Varint());
    e.tree = reader.Bytes(reader.Varint());
    if (!reader.ok()) return false;
    found.push_back(e);
  }
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mu);
  for (const Entry& e : found) registry.entries.emplace(e.text.size(), e);
  return true;
}

std::optional<YamlNode> FindInYamlSnapshot(std::string_view text, std::string_view name) {
  Registry& registry = TheRegistry();
  Entry hit;
  {
    std::lock_guard<std::mutex> lock(registry.mu);
    if (registry.entries.empty()) return std::nullopt;
    auto [begin, end] = registry.entries.equal_range(text.size());
    for (auto it = begin; it != end && hit.tree.empty(); ++it)
      if (it->second.text == text) hit = it->second;
  }
  if (hit.tree.empty()) return std::nullopt;
  const std::string* path = util::Intern(name);
  YamlNode root;
  Reader reader(hit.tree);
  if (!reader.Node(root, path, 0) || !reader.done()) return std::nullopt;
  return root;
}

}  // namespace gdpr::load
