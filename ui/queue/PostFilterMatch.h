#pragma once

#include "post/StoredPost.h"
#include "storage/PostRepository.h"

namespace cq::ui {

// Whether a post that changed belongs in a queue showing `filter`, as PostRepository::page would
// decide: the model places or drops it without asking the database again. A post without a time
// is outside any date range (SQL compares NULL as unknown).
bool matchesFilter(const PostFilter &filter, const StoredPost &post);

} // namespace cq::ui
