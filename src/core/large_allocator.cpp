#include "core/large_allocator.hpp"

#include <cstdint>

#include <sys/mman.h>

namespace remit::large_memory {

namespace {
std::size_t whole_pages(std::size_t bytes) { return (bytes + huge_page - 1) / huge_page * huge_page; }
}  // namespace

// A mapping of whole huge pages on a huge-page boundary: mapped one page longer, then trimmed.
void* allocate(std::size_t bytes) {
  const std::size_t size = whole_pages(bytes);
  void* mapped = ::mmap(nullptr, size + huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<std::uintptr_t>(mapped);
  const std::uintptr_t aligned = (start + huge_page - 1) & ~(std::uintptr_t{huge_page} - 1);
  if (aligned > start) ::munmap(mapped, aligned - start);
  if (const std::uintptr_t end = start + size + huge_page; end > aligned + size)
    ::munmap(reinterpret_cast<void*>(aligned + size), end - (aligned + size));
  ::madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);  // a hint: without it, 4 KB pages
  return reinterpret_cast<void*>(aligned);
}

void release(void* p, std::size_t bytes) { ::munmap(p, whole_pages(bytes)); }

}  // namespace remit::large_memory
