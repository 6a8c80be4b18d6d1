"""The course as learners use it: JupyterLab in Debian's Chromium, driven by Playwright."""
