// ReleaseFreedMemory: hands memory the process has freed back to the system.
#pragma once

namespace gdpr::util {

// glibc keeps freed memory in the arena of the thread that used it, for that thread to
// reuse. After a phase whose worker threads built large temporary data (the YAML trees
// of every declarations file), those pages would count towards the peak memory of
// everything after it. Costs a walk over every arena and an madvise per free range (16 ms
// after loading estate L), and the pages given back are faulted in again when reused, so
// callers keep it for large runs. Does nothing where the C library has no such call.
void ReleaseFreedMemory();

}  // namespace gdpr::util
