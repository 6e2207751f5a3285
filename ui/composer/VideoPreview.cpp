#include "composer/VideoPreview.h"

#include <QAudioOutput>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoFrame>
#include <QVideoSink>

namespace cq::ui {

// TikTok's frame: 9 wide, 16 high. The video is letterboxed inside it, as the app shows it.
class PortraitFrame : public QWidget {
public:
    explicit PortraitFrame(QWidget *parent)
        : QWidget(parent) {
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        setAttribute(Qt::WA_OpaquePaintEvent);
    }

    void setImage(const QImage &image) {
        m_image = image;
        update();
    }

    QSize sizeHint() const override {
        const int width = fontMetrics().averageCharWidth() * 24;
        return {width, width * 16 / 9};
    }
    QSize minimumSizeHint() const override {
        const int width = fontMetrics().averageCharWidth() * 12;
        return {width, width * 16 / 9};
    }

    // The 9:16 rectangle inside the widget, centred.
    QRect portraitRect() const {
        QSize frame(9, 16);
        frame.scale(size(), Qt::KeepAspectRatio);
        QRect rect(QPoint(), frame);
        rect.moveCenter(this->rect().center());
        return rect;
    }

protected:
    void paintEvent(QPaintEvent *) override {
        QPainter painter(this);
        painter.fillRect(rect(), palette().color(QPalette::Window));
        const QRect portrait = portraitRect();
        // Letterbox bars are black in TikTok's player whatever the theme.
        painter.fillRect(portrait, Qt::black);
        if (m_image.isNull()) {
            painter.setPen(Qt::lightGray);
            painter.drawText(portrait, Qt::AlignCenter | Qt::TextWordWrap, VideoPreview::tr("9:16 preview"));
            return;
        }
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        QRect target(QPoint(), m_image.size().scaled(portrait.size(), Qt::KeepAspectRatio));
        target.moveCenter(portrait.center());
        painter.drawImage(target, m_image);
    }

private:
    QImage m_image;
};

VideoPreview::VideoPreview(QWidget *parent)
    : QWidget(parent)
    , m_view(new PortraitFrame(this)) {
    setObjectName(QStringLiteral("videoPreview"));
    m_view->setObjectName(QStringLiteral("videoFrame"));
    m_view->setAccessibleName(tr("Video preview, 9:16 as TikTok shows it"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(buildControls());
    m_coverPicker = buildCoverPicker();
    layout->addWidget(m_coverPicker);
    updateCoverLabel();
}

VideoPreview::~VideoPreview() {
    if (m_player) {
        m_player->stop();
    }
}

void VideoPreview::makePlayer() {
    m_player = new QMediaPlayer(this);
    m_audio = new QAudioOutput(this);
    m_audio->setMuted(m_mute->isChecked());
    auto *sink = new QVideoSink(this);
    m_player->setVideoSink(sink);
    m_player->setAudioOutput(m_audio);
    connect(sink, &QVideoSink::videoFrameChanged, this, &VideoPreview::onFrame);
    connect(m_player, &QMediaPlayer::positionChanged, this, &VideoPreview::onPositionChanged);
    connect(m_player, &QMediaPlayer::durationChanged, this, &VideoPreview::onDurationChanged);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        const bool playing = state == QMediaPlayer::PlayingState;
        m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        m_play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
        m_play->setToolTip(m_play->accessibleName());
    });
}

QRect VideoPreview::pictureRect() const {
    return m_view->portraitRect().translated(m_view->pos());
}

QWidget *VideoPreview::buildControls() {
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_play = new QToolButton(bar);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setAccessibleName(tr("Play"));
    m_play->setToolTip(tr("Play"));
    connect(m_play, &QToolButton::clicked, this, &VideoPreview::togglePlaying);
    m_position = new QSlider(Qt::Horizontal, bar);
    m_position->setObjectName(QStringLiteral("positionSlider"));
    m_position->setAccessibleName(tr("Position in the video"));
    m_position->setSingleStep(100);
    m_position->setPageStep(1000);
    connect(m_position, &QSlider::sliderPressed, this, [this] { m_scrubbing = true; });
    connect(m_position, &QSlider::sliderReleased, this, [this] { m_scrubbing = false; });
    // Playback moves the slider with its signals blocked: every value that arrives is the user's.
    connect(m_position, &QSlider::valueChanged, this, [this](int ms) {
        if (m_player) {
            m_player->setPosition(ms);
        }
    });
    m_mute = new QToolButton(bar);
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_mute->setCheckable(true);
    m_mute->setIcon(style()->standardIcon(QStyle::SP_MediaVolume));
    m_mute->setAccessibleName(tr("Mute"));
    m_mute->setToolTip(tr("Mute"));
    connect(m_mute, &QToolButton::toggled, this, &VideoPreview::toggleMuted);
    m_time = new QLabel(clock(0) + u" / " + clock(0), bar);
    m_time->setObjectName(QStringLiteral("playbackTime"));
    m_time->setAccessibleName(tr("Playback time"));
    layout->addWidget(m_play);
    layout->addWidget(m_position, 1);
    layout->addWidget(m_time);
    layout->addWidget(m_mute);
    return bar;
}

QWidget *VideoPreview::buildCoverPicker() {
    auto *picker = new QWidget(this);
    auto *layout = new QHBoxLayout(picker);
    layout->setContentsMargins(0, 0, 0, 0);
    const int side = fontMetrics().height() * 3;
    m_coverPicture = new QLabel(picker);
    m_coverPicture->setObjectName(QStringLiteral("coverPicture"));
    m_coverPicture->setFixedSize(side * 9 / 16, side);
    m_coverPicture->setFrameShape(QFrame::StyledPanel);
    m_coverPicture->setAlignment(Qt::AlignCenter);
    m_coverText = new QLabel(picker);
    m_coverText->setObjectName(QStringLiteral("coverText"));
    m_coverText->setWordWrap(true);
    m_useFrame = new QPushButton(tr("Use this frame as &cover"), picker);
    m_useFrame->setObjectName(QStringLiteral("useFrameAsCoverButton"));
    m_useFrame->setToolTip(tr("Scrub to the frame you want, then use it as the cover TikTok shows"));
    connect(m_useFrame, &QPushButton::clicked, this, &VideoPreview::useCurrentFrame);
    m_resetCover = new QToolButton(picker);
    m_resetCover->setObjectName(QStringLiteral("firstFrameCoverButton"));
    m_resetCover->setText(tr("First frame"));
    m_resetCover->setAccessibleName(tr("Use the first frame as cover"));
    m_resetCover->setToolTip(m_resetCover->accessibleName());
    connect(m_resetCover, &QToolButton::clicked, this, [this] {
        setCoverMs(std::nullopt);
        Q_EMIT coverChanged();
    });
    layout->addWidget(m_coverPicture);
    layout->addWidget(m_coverText, 1);
    layout->addWidget(m_useFrame);
    layout->addWidget(m_resetCover);
    return picker;
}

void VideoPreview::setSource(const QString &path) {
    if (path == m_source) {
        return;
    }
    m_source = path;
    m_frame = QImage();
    m_view->setImage(m_frame);
    m_coverImage = QImage();
    m_coverMs.reset();
    if (!m_player && !path.isEmpty()) {
        makePlayer();
    }
    if (m_player) {
        m_player->stop();
        m_player->setSource(path.isEmpty() ? QUrl() : QUrl::fromLocalFile(path));
    }
    if (!path.isEmpty()) {
        m_player->pause(); // shows the first frame without playing
    }
    updateCoverLabel();
}

void VideoPreview::setCoverMs(std::optional<qint64> coverMs) {
    m_coverMs = coverMs;
    if (!coverMs) {
        m_coverImage = QImage();
    }
    updateCoverLabel();
}

void VideoPreview::setCoverPickerShown(bool shown) {
    m_coverPicker->setVisible(shown);
}

void VideoPreview::onFrame(const QVideoFrame &frame) {
    if (!frame.isValid()) {
        return;
    }
    m_frame = frame.toImage();
    m_view->setImage(m_frame);
}

qint64 VideoPreview::positionMs() const {
    return m_position->value();
}

void VideoPreview::onPositionChanged(qint64 positionMs) {
    if (!m_scrubbing) {
        const QSignalBlocker blocker(m_position);
        m_position->setValue(int(positionMs));
    }
    m_time->setText(clock(positionMs) + u" / " + clock(m_player->duration()));
}

void VideoPreview::onDurationChanged(qint64 durationMs) {
    m_position->setRange(0, int(durationMs));
    m_time->setText(clock(m_player->position()) + u" / " + clock(durationMs));
}

void VideoPreview::togglePlaying() {
    if (!m_player) {
        return;
    }
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
    } else {
        m_player->play();
    }
}

void VideoPreview::toggleMuted() {
    const bool muted = m_mute->isChecked();
    if (m_audio) {
        m_audio->setMuted(muted);
    }
    m_mute->setIcon(style()->standardIcon(muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    m_mute->setAccessibleName(muted ? tr("Unmute") : tr("Mute"));
    m_mute->setToolTip(m_mute->accessibleName());
}

void VideoPreview::useCurrentFrame() {
    if (!m_player) {
        return;
    }
    m_coverMs = m_player->position();
    m_coverImage = m_frame;
    updateCoverLabel();
    Q_EMIT coverChanged();
}

void VideoPreview::updateCoverLabel() {
    if (!m_coverMs) {
        m_coverText->setText(tr("Cover: the first frame"));
    } else {
        m_coverText->setText(tr("Cover: the frame at %1").arg(clock(*m_coverMs)));
    }
    const QImage picture = m_coverMs ? m_coverImage : QImage();
    m_coverPicture->setPixmap(
        picture.isNull() ? QPixmap()
                         : QPixmap::fromImage(picture.scaled(m_coverPicture->contentsRect().size(),
                                                             Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_coverPicture->setAccessibleName(m_coverText->text());
    m_coverPicture->setVisible(!picture.isNull());
    m_resetCover->setEnabled(m_coverMs.has_value());
}

QString VideoPreview::clock(qint64 ms) {
    const qint64 tenths = std::max<qint64>(0, ms) / 100;
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600)
        .arg((tenths / 10) % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

void VideoPreview::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    if (m_player && m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause(); // no sound from a page nobody looks at
    }
}

} // namespace cq::ui
