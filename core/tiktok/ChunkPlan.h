#pragma once

#include <QtGlobal>

#include <optional>

namespace cq::tiktok {

// How a video is cut for TikTok's FILE_UPLOAD (media transfer guide): total_chunk_count =
// floor(video_size / chunk_size), chunks sent in order, the last one carrying the trailing bytes.
// TikTok writes "MB" without saying 10^6 or 2^20, so every plan is valid under both readings: one
// chunk up to 64,000,000 bytes, else chunks of 32,000,000 bytes (>= 5 MiB, <= 64 MB) whose final
// chunk stays under 64,000,000 bytes (the limit is 128 MB).
struct ChunkPlan {
    qint64 videoSizeBytes = 0;
    qint64 chunkSizeBytes = 0;
    int totalChunkCount = 0;

    static constexpr qint64 MaxSingleChunkBytes = 64'000'000;
    static constexpr qint64 ChunkBytes = 32'000'000;
    static constexpr int MaxChunks = 1000;

    // nullopt for an empty video or one too large for 1000 chunks.
    static std::optional<ChunkPlan> forSize(qint64 videoSizeBytes);

    qint64 offsetOf(int chunk) const { return qint64(chunk) * chunkSizeBytes; }
    qint64 sizeOf(int chunk) const;
};

} // namespace cq::tiktok
