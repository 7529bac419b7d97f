#pragma once
// Which language the app speaks: the system's UI languages, overridden by the "language" setting.
// The catalogues are compiled in (translations/, resources :/i18n/pluresdb_<code>.qm).

#include <QList>
#include <QString>
#include <QStringList>

class QCoreApplication;
class QSettings;

namespace pluresdb::ui::i18n {

// The setting (QSettings key) that overrides the system language; empty or absent = follow the system.
inline constexpr char kLanguageSetting[] = "language";

// The source language, used when no catalogue matches.
inline constexpr char kSourceLanguage[] = "en";

struct Language {
    QString code;        // as in the catalogue's file name: "de", "zh_CN"
    QString nativeName;  // how its speakers call it, for a language menu: "Deutsch", "简体中文"
};

// Every language the app has a catalogue for, English first, for a settings page.
QList<Language> availableLanguages();

// The per-user settings file the app reads the override from (not the data directory's desktop.ini:
// the language is a preference of the person, and it must be known before the arguments are parsed).
QString userSettingsPath();

// Picks the best available language: the override if it names one we have, else the first of
// `systemLanguages` (BCP 47, best first, as QLocale::uiLanguages() gives them) that we have, matching
// "de-AT" to "de" and "zh-Hans-CN"/"zh-CN"/"zh-SG" to "zh_CN"; else English.
QString chooseLanguage(const QString& overrideCode, const QStringList& systemLanguages);

// Removes the translators this function installed before, then installs the app's catalogue and Qt's
// own (standard buttons, when the system has it) for `code`. Returns false if the app's catalogue
// for a non-English language could not be loaded (the UI then stays English).
bool installLanguage(QCoreApplication* app, const QString& code);

// Start-up hook: chooseLanguage(setting "language" of `settings`, system UI languages) and install it.
// Returns the language code in use.
QString applyLanguage(QCoreApplication* app, const QSettings& settings);

// The same with the per-user settings file (userSettingsPath()).
QString applyLanguage(QCoreApplication* app);

}  // namespace pluresdb::ui::i18n
