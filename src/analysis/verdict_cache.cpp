#include "analysis/verdict_cache.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <utility>

namespace gdpr::analysis {
namespace {

constexpr size_t kInitialSlots = 256;

uint64_t HashOf(std::string_view key) { return std::hash<std::string_view>{}(key); }

}  // namespace

VerdictCache::VerdictCache(size_t max_entries) : max_entries_(max_entries) {}

size_t VerdictCache::SlotOf(std::string_view key, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {  // never full, so this ends
    const Slot& slot = slots_[i];
    if (!slot.verdict) return i;
    if (slot.hash == hash && std::string_view(keys_).substr(slot.key_offset, slot.key_size) == key)
      return i;
  }
}

const std::shared_ptr<const ColumnVerdict>* VerdictCache::Find(std::string_view key) const {
  if (slots_.empty()) return nullptr;
  const Slot& slot = slots_[SlotOf(key, HashOf(key))];
  return slot.verdict ? &slot.verdict : nullptr;
}

void VerdictCache::Insert(std::string_view key, std::shared_ptr<const ColumnVerdict> verdict) {
  // Offsets are 32 bits: a key buffer that would outgrow them starts over too.
  if (size_ >= max_entries_ || keys_.size() + key.size() > std::numeric_limits<uint32_t>::max())
    Clear();
  if (2 * (size_ + 1) > slots_.size()) Grow();
  const uint64_t hash = HashOf(key);
  Slot& slot = slots_[SlotOf(key, hash)];
  if (slot.verdict) {  // cached already: the newer verdict wins
    slot.verdict = std::move(verdict);
    return;
  }
  slot.hash = hash;
  slot.key_offset = static_cast<uint32_t>(keys_.size());
  slot.key_size = static_cast<uint32_t>(key.size());
  slot.verdict = std::move(verdict);
  keys_.append(key);
  ++size_;
}

void VerdictCache::Clear() {
  slots_.clear();
  keys_.clear();
  size_ = 0;
}

// Slots move to a table twice the size by their stored hash; the keys stay where they are.
void VerdictCache::Grow() {
  std::vector<Slot> old =
      std::exchange(slots_, std::vector<Slot>(std::max(kInitialSlots, 2 * slots_.size())));
  const size_t mask = slots_.size() - 1;
  for (Slot& slot : old) {
    if (!slot.verdict) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].verdict) i = (i + 1) & mask;
    slots_[i] = std::move(slot);
  }
}

}  // namespace gdpr::analysis
