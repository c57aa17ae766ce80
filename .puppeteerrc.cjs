// netmirror uses the system Chromium (Debian's `chromium`); never download a browser.
module.exports = { skipDownload: true };
