// VerdictCache: a classifier thread's own map from a column key (name, type, table
// class, comment) to its verdict, for the audit's hot path: 860,000 lookups on a large
// estate, nearly all hits. An open-addressing table of 32-byte slots with the keys in
// one buffer: a lookup touches a slot and its key, where std::unordered_map touched a
// bucket, two nodes and a separately allocated key.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/column_verdict.h"

namespace gdpr::analysis {

class VerdictCache {
 public:
  // Holds at most `max_entries`; the insert after that starts over from empty.
  explicit VerdictCache(size_t max_entries);

  // The verdict cached for `key`, or null.
  const std::shared_ptr<const ColumnVerdict>* Find(std::string_view key) const;
  // Caches `verdict` for `key` (replacing what was cached for it).
  void Insert(std::string_view key, std::shared_ptr<const ColumnVerdict> verdict);
  void Clear();
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_offset = 0;
    uint32_t key_size = 0;
    std::shared_ptr<const ColumnVerdict> verdict;  // null: the slot is free
  };
  size_t SlotOf(std::string_view key, uint64_t hash) const;  // its slot, or the free one to take
  void Grow();

  size_t max_entries_;
  size_t size_ = 0;
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string keys_;
};

}  // namespace gdpr::analysis
