// An allocator for the audit's few large arrays (every body's state, the findings as judged, a
// quarter of a million rule results at a national scale): each is given whole 2 MB pages, which
// Linux backs with huge pages when asked (transparent huge pages in the "madvise" mode, or
// "always"). A first touch then faults once per 2 MB rather than once per 4 KB; on a
// virtual machine a fault costs microseconds, and at ten million events the 4 KB faults of these
// arrays were a tenth of the run. Small arrays, and systems without huge pages, are unaffected.
// Under AddressSanitizer every array comes from operator new, so that its bounds stay checked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

namespace remit {

#if defined(__SANITIZE_ADDRESS__)  // g++
#define REMIT_ADDRESS_SANITIZER 1
#elif defined(__has_feature)  // clang
#if __has_feature(address_sanitizer)
#define REMIT_ADDRESS_SANITIZER 1
#endif
#endif

namespace large_memory {
#if defined(REMIT_ADDRESS_SANITIZER)
constexpr std::size_t huge_page = SIZE_MAX;  // never: see above
#else
constexpr std::size_t huge_page = std::size_t{1} << 21;
#endif
void* allocate(std::size_t bytes);  // bytes >= huge_page; throws std::bad_alloc
void release(void* p, std::size_t bytes);
}  // namespace large_memory

template <class T>
struct large_allocator {
  using value_type = T;
  large_allocator() = default;
  template <class U>
  large_allocator(const large_allocator<U>&) {}  // NOLINT: converts like std::allocator
  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < large_memory::huge_page) return static_cast<T*>(::operator new(bytes));
    return static_cast<T*>(large_memory::allocate(bytes));
  }
  void deallocate(T* p, std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < large_memory::huge_page) ::operator delete(p);
    else large_memory::release(p, bytes);
  }
  template <class U>
  bool operator==(const large_allocator<U>&) const { return true; }
};

}  // namespace remit
