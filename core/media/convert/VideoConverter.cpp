#include "media/convert/VideoConverter.h"

#include "media/convert/Codecs.h"
#include "media/convert/FilterGraph.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavutil/display.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
}

#include <QFile>

#include <cmath>
#include <optional>

namespace cq {

namespace {

struct OutputContextCloser {
    void operator()(AVFormatContext *context) const {
        if (context && !(context->oformat->flags & AVFMT_NOFILE)) {
            avio_closep(&context->pb);
        }
        avformat_free_context(context);
    }
};
using OutputContextPtr = std::unique_ptr<AVFormatContext, OutputContextCloser>;

// One stream of the output and where it comes from: copied packet by packet, or decoded, filtered
// and encoded.
struct Track {
    int inputIndex = -1;
    AVStream *output = nullptr; // owned by the output context
    bool copy = false;
    bool done = false;       // past the end of the trim range
    int64_t origin = 0;      // the input time (stream time base) that becomes 0 in the output
    int64_t end = INT64_MAX; // the input time where the kept range ends
    int64_t frameTicks = 0;  // how long one video frame lasts (stream time base)
    int64_t lastPts = AV_NOPTS_VALUE;
    ffmpeg::CodecContextPtr decoder;
    ffmpeg::CodecContextPtr encoder;
    std::optional<ffmpeg::FilterGraph> graph;
};

QByteArray rational(AVRational value) {
    return QByteArray::number(value.num) + '/' + QByteArray::number(value.den);
}

bool isRotatedSideways(const AVStream *stream) {
    size_t size = 0;
    const uint8_t *matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!matrix || size < 9 * sizeof(int32_t)) {
        return false;
    }
    const double degrees = av_display_rotation_get(reinterpret_cast<const int32_t *>(matrix));
    return !std::isnan(degrees) && std::lround(std::fabs(degrees)) % 180 == 90;
}

bool copiesAudio(AVCodecID codec) {
    return codec == AV_CODEC_ID_AAC || codec == AV_CODEC_ID_MP3;
}

class VideoJob {
public:
    VideoJob(const QString &sourcePath, const QString &outputPath, const VideoConversion &spec,
             std::stop_token stop, const ConversionProgress &progress)
        : m_sourcePath(sourcePath)
        , m_outputPath(outputPath)
        , m_spec(spec)
        , m_stop(std::move(stop))
        , m_progress(progress) {}

    std::expected<void, Error> run() {
        auto input = convert::ConversionInput::open(m_sourcePath, m_stop);
        if (!input) {
            return std::unexpected(input.error());
        }
        m_input = std::move(*input);
        if (auto opened = openOutput(); !opened) {
            return opened;
        }
        if (auto video = setUpVideo(); !video) {
            return video;
        }
        if (auto audio = setUpAudio(); !audio) {
            return audio;
        }
        if (const int rc = avformat_write_header(m_output.get(), nullptr); rc < 0) {
            return fail(QStringLiteral("the MP4 header cannot be written"), rc);
        }
        if (auto transcoded = transcode(); !transcoded) {
            return transcoded;
        }
        if (const int rc = av_write_trailer(m_output.get()); rc < 0) {
            return fail(QStringLiteral("the MP4 index cannot be written"), rc);
        }
        return {};
    }

private:
    std::unexpected<Error> fail(const QString &what, int averror = 0) const {
        return std::unexpected(convert::conversionError(m_sourcePath, what, averror));
    }

    AVFormatContext *input() const { return m_input->context(); }

    std::expected<void, Error> openOutput() {
        AVFormatContext *raw = nullptr;
        int rc =
            avformat_alloc_output_context2(&raw, nullptr, "mp4", QFile::encodeName(m_outputPath).constData());
        m_output.reset(raw);
        if (rc >= 0) {
            rc = avio_open(&m_output->pb, QFile::encodeName(m_outputPath).constData(), AVIO_FLAG_WRITE);
        }
        if (rc < 0) {
            return std::unexpected(Error{ErrorCode::Io, m_outputPath + u": cannot write the converted video ("
                                                            + ffmpeg::errorString(rc) + u")."});
        }
        return {};
    }

    // Where output time 0 lies in the input: its start, plus the trim start.
    void setRange(Track &track) const {
        const AVRational base = input()->streams[track.inputIndex]->time_base;
        const int64_t start = input()->start_time != AV_NOPTS_VALUE ? input()->start_time : 0;
        const double trimStart = m_spec.trim ? m_spec.trim->startSeconds : 0.0;
        track.origin = av_rescale_q(start + int64_t(trimStart * AV_TIME_BASE), AV_TIME_BASE_Q, base);
        if (m_spec.trim) {
            track.end =
                av_rescale_q(start + int64_t(m_spec.trim->endSeconds * AV_TIME_BASE), AV_TIME_BASE_Q, base);
        }
    }

    std::expected<void, Error> setUpVideo() {
        m_video.inputIndex = convert::bestStream(input(), AVMEDIA_TYPE_VIDEO);
        if (m_video.inputIndex < 0) {
            return fail(QStringLiteral("it holds no video"));
        }
        setRange(m_video);
        const AVStream *source = input()->streams[m_video.inputIndex];
        const AVRational rate =
            source->avg_frame_rate.num > 0 ? source->avg_frame_rate : source->r_frame_rate;
        if (rate.num > 0 && rate.den > 0) {
            m_video.frameTicks = av_rescale_q(1, av_inv_q(rate), source->time_base);
        }
        m_video.output = avformat_new_stream(m_output.get(), nullptr);
        if (!m_video.output) {
            return fail(QStringLiteral("out of memory"), AVERROR(ENOMEM));
        }
        // Keep the rotation: players turn the picture as the source's display matrix says.
        size_t size = 0;
        if (const uint8_t *matrix = av_stream_get_side_data(source, AV_PKT_DATA_DISPLAYMATRIX, &size)) {
            if (uint8_t *copy = av_stream_new_side_data(m_video.output, AV_PKT_DATA_DISPLAYMATRIX, size)) {
                memcpy(copy, matrix, size);
            }
        }
        if (!m_spec.reencodeVideo) {
            m_video.copy = true;
            m_video.output->time_base = source->time_base;
            m_video.output->sample_aspect_ratio = source->sample_aspect_ratio;
            const int rc = avcodec_parameters_copy(m_video.output->codecpar, source->codecpar);
            m_video.output->codecpar->codec_tag = 0;
            return rc < 0 ? fail(QStringLiteral("the video stream cannot be copied"), rc)
                          : std::expected<void, Error>();
        }
        auto decoder = convert::openDecoder(source, m_sourcePath);
        if (!decoder) {
            return std::unexpected(decoder.error());
        }
        m_video.decoder = std::move(*decoder);
        if (auto graph = setUpVideoFilters(source); !graph) {
            return graph;
        }
        return openVideoEncoder(source);
    }

    // fps, then scale in stored orientation (the display matrix turns it), then 8-bit 4:2:0.
    std::expected<void, Error> setUpVideoFilters(const AVStream *source) {
        const AVCodecContext *decoder = m_video.decoder.get();
        const AVRational aspect =
            decoder->sample_aspect_ratio.num > 0 ? decoder->sample_aspect_ratio : AVRational{1, 1};
        const AVRational rate =
            source->avg_frame_rate.num > 0 ? source->avg_frame_rate : source->r_frame_rate;
        QByteArray arguments =
            "video_size=" + QByteArray::number(decoder->width) + 'x' + QByteArray::number(decoder->height)
            + ":pix_fmt=" + QByteArray::number(decoder->pix_fmt) + ":time_base=" + rational(source->time_base)
            + ":pixel_aspect=" + rational(aspect);
        if (rate.num > 0 && rate.den > 0) {
            arguments += ":frame_rate=" + rational(rate);
        }
        QByteArrayList filters;
        if (m_spec.frameRate > 0) {
            filters << "fps=" + QByteArray::number(m_spec.frameRate);
        }
        if (m_spec.width > 0 && m_spec.height > 0) {
            const bool sideways = isRotatedSideways(source);
            const int width = sideways ? m_spec.height : m_spec.width;
            const int height = sideways ? m_spec.width : m_spec.height;
            if (width != decoder->width || height != decoder->height) {
                filters << "scale=" + QByteArray::number(width) + ':' + QByteArray::number(height);
            }
        }
        filters << "format=yuv420p";
        auto graph = ffmpeg::FilterGraph::video(arguments, filters.join(','));
        if (!graph) {
            return std::unexpected(graph.error());
        }
        m_video.graph = std::move(*graph);
        return {};
    }

    std::expected<void, Error> openVideoEncoder(const AVStream *source) {
        const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
        if (!codec) {
            return fail(QStringLiteral("this FFmpeg has no H.264 encoder (libx264)"));
        }
        m_video.encoder.reset(avcodec_alloc_context3(codec));
        AVCodecContext *encoder = m_video.encoder.get();
        AVFilterContext *sink = m_video.graph->sink();
        AVRational rate = av_buffersink_get_frame_rate(sink);
        if (rate.num <= 0 || rate.den <= 0) {
            rate = source->avg_frame_rate.num > 0 ? source->avg_frame_rate : AVRational{30, 1};
        }
        encoder->width = av_buffersink_get_w(sink);
        encoder->height = av_buffersink_get_h(sink);
        encoder->pix_fmt = AVPixelFormat(av_buffersink_get_format(sink));
        encoder->sample_aspect_ratio = av_buffersink_get_sample_aspect_ratio(sink);
        encoder->framerate = rate;
        encoder->time_base = av_inv_q(rate);
        encoder->color_range = m_video.decoder->color_range;
        encoder->color_primaries = m_video.decoder->color_primaries;
        encoder->color_trc = m_video.decoder->color_trc;
        encoder->colorspace = m_video.decoder->colorspace;
        encoder->thread_count = 0;
        if (m_output->oformat->flags & AVFMT_GLOBALHEADER) {
            encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        }
        ffmpeg::Dictionary options;
        options.set("preset", encoding::X264Preset);
        if (m_spec.videoBitsPerSecond > 0) {
            // Average bit rate with a bounded buffer, so that the file size is what was computed.
            encoder->bit_rate = m_spec.videoBitsPerSecond;
            encoder->rc_max_rate = m_spec.videoBitsPerSecond * 3 / 2;
            encoder->rc_buffer_size = int(std::min<qint64>(INT_MAX, m_spec.videoBitsPerSecond * 2));
        } else {
            options.set("crf", QByteArray::number(encoding::X264Crf).constData());
        }
        int rc = avcodec_open2(encoder, codec, options.address());
        if (rc >= 0) {
            rc = avcodec_parameters_from_context(m_video.output->codecpar, encoder);
        }
        m_video.output->time_base = encoder->time_base;
        m_video.output->sample_aspect_ratio = encoder->sample_aspect_ratio;
        m_video.output->avg_frame_rate = rate;
        return rc < 0 ? fail(QStringLiteral("the H.264 encoder cannot be opened"), rc)
                      : std::expected<void, Error>();
    }

    std::expected<void, Error> setUpAudio() {
        m_audio.inputIndex = convert::bestStream(input(), AVMEDIA_TYPE_AUDIO);
        if (m_audio.inputIndex < 0) {
            return {};
        }
        setRange(m_audio);
        const AVStream *source = input()->streams[m_audio.inputIndex];
        m_audio.output = avformat_new_stream(m_output.get(), nullptr);
        if (!m_audio.output) {
            return fail(QStringLiteral("out of memory"), AVERROR(ENOMEM));
        }
        if (copiesAudio(source->codecpar->codec_id)) {
            m_audio.copy = true;
            m_audio.output->time_base = source->time_base;
            const int rc = avcodec_parameters_copy(m_audio.output->codecpar, source->codecpar);
            m_audio.output->codecpar->codec_tag = 0;
            return rc < 0 ? fail(QStringLiteral("the audio stream cannot be copied"), rc)
                          : std::expected<void, Error>();
        }
        auto decoder = convert::openDecoder(source, m_sourcePath);
        if (!decoder) {
            return std::unexpected(decoder.error());
        }
        m_audio.decoder = std::move(*decoder);
        return openAudioEncoder(source);
    }

    std::expected<void, Error> openAudioEncoder(const AVStream *source) {
        const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
        const AVCodecContext *decoder = m_audio.decoder.get();
        AVChannelLayout layout{};
        if (decoder->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) {
            av_channel_layout_default(&layout, decoder->ch_layout.nb_channels);
        } else {
            av_channel_layout_copy(&layout, &decoder->ch_layout);
        }
        char layoutName[128] = {};
        av_channel_layout_describe(&layout, layoutName, sizeof layoutName);
        av_channel_layout_uninit(&layout);
        const QByteArray arguments = "time_base=" + rational(source->time_base)
                                     + ":sample_rate=" + QByteArray::number(decoder->sample_rate)
                                     + ":sample_fmt=" + av_get_sample_fmt_name(decoder->sample_fmt)
                                     + ":channel_layout=" + layoutName;
        m_audio.encoder.reset(codec ? avcodec_alloc_context3(codec) : nullptr);
        if (!m_audio.encoder) {
            return fail(QStringLiteral("this FFmpeg has no AAC encoder"));
        }
        auto graph = ffmpeg::FilterGraph::audio(
            arguments, "aformat=sample_fmts=fltp:sample_rates=48000|44100:channel_layouts=stereo|mono", 1024);
        if (!graph) {
            return std::unexpected(graph.error());
        }
        m_audio.graph = std::move(*graph);
        AVCodecContext *encoder = m_audio.encoder.get();
        AVFilterContext *sink = m_audio.graph->sink();
        encoder->sample_rate = av_buffersink_get_sample_rate(sink);
        encoder->sample_fmt = AVSampleFormat(av_buffersink_get_format(sink));
        av_buffersink_get_ch_layout(sink, &encoder->ch_layout);
        encoder->bit_rate = encoding::AacBitsPerSecond;
        encoder->time_base = AVRational{1, encoder->sample_rate};
        if (m_output->oformat->flags & AVFMT_GLOBALHEADER) {
            encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        }
        int rc = avcodec_open2(encoder, codec, nullptr);
        if (rc >= 0) {
            rc = avcodec_parameters_from_context(m_audio.output->codecpar, encoder);
        }
        m_audio.output->time_base = encoder->time_base;
        return rc < 0 ? fail(QStringLiteral("the AAC encoder cannot be opened"), rc)
                      : std::expected<void, Error>();
    }

    Track *trackFor(int inputIndex) {
        if (inputIndex == m_video.inputIndex) {
            return &m_video;
        }
        if (inputIndex >= 0 && inputIndex == m_audio.inputIndex) {
            return &m_audio;
        }
        return nullptr;
    }

    bool finished() const { return m_video.done && (m_audio.inputIndex < 0 || m_audio.done); }

    std::expected<void, Error> seekToTrimStart() {
        if (!m_spec.trim || m_spec.trim->startSeconds <= 0) {
            return {};
        }
        const int64_t start = input()->start_time != AV_NOPTS_VALUE ? input()->start_time : 0;
        const int rc = av_seek_frame(input(), -1, start + int64_t(m_spec.trim->startSeconds * AV_TIME_BASE),
                                     AVSEEK_FLAG_BACKWARD);
        return rc < 0 ? fail(QStringLiteral("cannot seek to the trim start"), rc)
                      : std::expected<void, Error>();
    }

    std::expected<void, Error> transcode() {
        if (auto sought = seekToTrimStart(); !sought) {
            return sought;
        }
        ffmpeg::PacketPtr packet(av_packet_alloc());
        while (!finished()) {
            if (m_stop.stop_requested()) {
                return std::unexpected(convert::cancelledError(m_sourcePath));
            }
            const int rc = av_read_frame(input(), packet.get());
            if (rc == AVERROR_EOF) {
                break;
            }
            if (rc < 0) {
                return m_stop.stop_requested() ? std::unexpected(convert::cancelledError(m_sourcePath))
                                               : fail(QStringLiteral("reading failed"), rc);
            }
            Track *track = trackFor(packet->stream_index);
            auto handled = !track || track->done ? std::expected<void, Error>()
                           : track->copy         ? copyPacket(*track, packet.get())
                                                 : decodePacket(*track, packet.get());
            av_packet_unref(packet.get());
            if (!handled) {
                return handled;
            }
        }
        for (Track *track : {&m_video, &m_audio}) {
            if (auto flushed = flush(*track); !flushed) {
                return flushed;
            }
        }
        return {};
    }

    std::expected<void, Error> copyPacket(Track &track, AVPacket *packet) {
        const int64_t time = packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts;
        if (time != AV_NOPTS_VALUE && time + packet->duration > track.end) {
            track.done = true;
            return {};
        }
        if (m_spec.trim && time != AV_NOPTS_VALUE && time < track.origin) {
            return {};
        }
        const AVRational base = input()->streams[track.inputIndex]->time_base;
        if (packet->pts != AV_NOPTS_VALUE) {
            packet->pts -= track.origin;
        }
        if (packet->dts != AV_NOPTS_VALUE) {
            packet->dts -= track.origin;
        }
        if (&track == &m_video) {
            reportProgress(packet->pts, base);
        }
        return write(track, packet, base);
    }

    std::expected<void, Error> write(Track &track, AVPacket *packet, AVRational from) {
        av_packet_rescale_ts(packet, from, track.output->time_base);
        packet->stream_index = track.output->index;
        packet->pos = -1;
        const int rc = av_interleaved_write_frame(m_output.get(), packet);
        if (rc < 0) {
            return std::unexpected(Error{ErrorCode::Io, m_outputPath
                                                            + u": writing the converted video failed ("
                                                            + ffmpeg::errorString(rc) + u")."});
        }
        return {};
    }

    std::expected<void, Error> decodePacket(Track &track, AVPacket *packet) {
        const int rc = avcodec_send_packet(track.decoder.get(), packet);
        if (rc < 0 && rc != AVERROR_INVALIDDATA) { // a damaged packet costs a frame, not the file
            return fail(QStringLiteral("decoding failed"), rc);
        }
        return drainDecoder(track);
    }

    std::expected<void, Error> drainDecoder(Track &track) {
        ffmpeg::FramePtr frame(av_frame_alloc());
        while (true) {
            const int rc = avcodec_receive_frame(track.decoder.get(), frame.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) {
                return {};
            }
            if (rc < 0) {
                return fail(QStringLiteral("decoding failed"), rc);
            }
            if (auto filtered = filterFrame(track, frame.get()); !filtered) {
                return filtered;
            }
            av_frame_unref(frame.get());
        }
    }

    // Drops frames outside the kept range, moves the rest to output time and filters them.
    std::expected<void, Error> filterFrame(Track &track, AVFrame *frame) {
        if (track.done) {
            return {};
        }
        const int64_t time = frame->best_effort_timestamp;
        // Whole frames only: the output must not run a sample past the end (the creator's maximum).
        const int64_t length = frame->nb_samples > 0
                                   ? av_rescale_q(frame->nb_samples, AVRational{1, frame->sample_rate},
                                                  input()->streams[track.inputIndex]->time_base)
                                   : track.frameTicks;
        if (time != AV_NOPTS_VALUE && time + length > track.end) {
            track.done = true;
            return {};
        }
        if (m_spec.trim && time != AV_NOPTS_VALUE && time < track.origin) {
            return {};
        }
        frame->pts = time == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : time - track.origin;
        if (const int rc = track.graph->push(frame); rc < 0) {
            return fail(QStringLiteral("filtering failed"), rc);
        }
        return encodeFiltered(track);
    }

    std::expected<void, Error> encodeFiltered(Track &track) {
        ffmpeg::FramePtr frame(av_frame_alloc());
        const AVRational from = av_buffersink_get_time_base(track.graph->sink());
        while (true) {
            const int rc = track.graph->pull(frame.get());
            if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) {
                return {};
            }
            if (rc < 0) {
                return fail(QStringLiteral("filtering failed"), rc);
            }
            if (frame->pts != AV_NOPTS_VALUE) {
                frame->pts = av_rescale_q(frame->pts, from, track.encoder->time_base);
            }
            // Two frames that round to one encoder tick: keep the first, as a constant-rate output does.
            const bool duplicate = track.lastPts != AV_NOPTS_VALUE && frame->pts <= track.lastPts;
            if (!duplicate) {
                track.lastPts = frame->pts;
                frame->pict_type = AV_PICTURE_TYPE_NONE;
                if (auto encoded = encode(track, frame.get()); !encoded) {
                    return encoded;
                }
            }
            av_frame_unref(frame.get());
        }
    }

    std::expected<void, Error> encode(Track &track, AVFrame *frame) {
        int rc = avcodec_send_frame(track.encoder.get(), frame);
        if (rc < 0 && rc != AVERROR_EOF) {
            return fail(QStringLiteral("encoding failed"), rc);
        }
        ffmpeg::PacketPtr packet(av_packet_alloc());
        while ((rc = avcodec_receive_packet(track.encoder.get(), packet.get())) >= 0) {
            if (&track == &m_video) {
                reportProgress(packet->pts, track.encoder->time_base);
            }
            if (auto written = write(track, packet.get(), track.encoder->time_base); !written) {
                return written;
            }
        }
        return rc == AVERROR(EAGAIN) || rc == AVERROR_EOF ? std::expected<void, Error>()
                                                          : fail(QStringLiteral("encoding failed"), rc);
    }

    // The end of the input: the decoder's held frames, the filters' and the encoder's.
    std::expected<void, Error> flush(Track &track) {
        if (track.inputIndex < 0 || track.copy) {
            return {};
        }
        if (!track.done) {
            avcodec_send_packet(track.decoder.get(), nullptr);
            if (auto drained = drainDecoder(track); !drained) {
                return drained;
            }
        }
        if (const int rc = track.graph->push(nullptr); rc < 0 && rc != AVERROR_EOF) {
            return fail(QStringLiteral("filtering failed"), rc);
        }
        if (auto filtered = encodeFiltered(track); !filtered) {
            return filtered;
        }
        return encode(track, nullptr);
    }

    void reportProgress(int64_t pts, AVRational base) {
        if (!m_progress || pts == AV_NOPTS_VALUE) {
            return;
        }
        const double total =
            m_spec.trim ? m_spec.trim->lengthSeconds() : double(input()->duration) / AV_TIME_BASE;
        if (total > 0) {
            m_progress(std::clamp(double(pts) * av_q2d(base) / total, 0.0, 1.0));
        }
    }

    QString m_sourcePath;
    QString m_outputPath;
    VideoConversion m_spec;
    std::stop_token m_stop;
    const ConversionProgress &m_progress;
    std::unique_ptr<convert::ConversionInput> m_input;
    OutputContextPtr m_output;
    Track m_video;
    Track m_audio;
};

} // namespace

std::expected<void, Error> VideoConverter::convert(const QString &sourcePath, const QString &outputPath,
                                                   const VideoConversion &spec, std::stop_token stop,
                                                   const ConversionProgress &progress) const {
    std::expected<void, Error> result;
    {
        VideoJob job(sourcePath, outputPath, spec, std::move(stop), progress);
        result = job.run();
    } // the output is closed here
    if (!result) {
        QFile::remove(outputPath);
    } else if (progress) {
        progress(1.0);
    }
    return result;
}

} // namespace cq
