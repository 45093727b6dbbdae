// ReleaseFreedMemory: hands memory the process has freed back to the system.
#pragma once

namespace gdpr::util {

// glibc keeps freed memory in the arena of the thread that used it, for that thread to
// reuse. After a phase whose worker threads built large temporary data (the YAML trees
// of every declarations file), those pages would count towards the peak memory of
// everything after it. Costs a walk over the free lists (about a millisecond on a large
// estate); does nothing where the C library has no such call.
void ReleaseFreedMemory();

}  // namespace gdpr::util
