#include "tiktok/ChunkPlan.h"

namespace cq::tiktok {

std::optional<ChunkPlan> ChunkPlan::forSize(qint64 videoSizeBytes) {
    if (videoSizeBytes <= 0) {
        return std::nullopt;
    }
    if (videoSizeBytes <= MaxSingleChunkBytes) {
        return ChunkPlan{videoSizeBytes, videoSizeBytes, 1};
    }
    const qint64 count = videoSizeBytes / ChunkBytes; // >= 2 here
    if (count > MaxChunks) {
        return std::nullopt;
    }
    return ChunkPlan{videoSizeBytes, ChunkBytes, int(count)};
}

qint64 ChunkPlan::sizeOf(int chunk) const {
    if (chunk < 0 || chunk >= totalChunkCount) {
        return 0;
    }
    return chunk == totalChunkCount - 1 ? videoSizeBytes - offsetOf(chunk) : chunkSizeBytes;
}

} // namespace cq::tiktok
