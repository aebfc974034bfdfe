// Firefox preferences for every test and demo profile. They keep Firefox quiet on a machine
// with no Internet (no OCSP, no CRLite or intermediate downloads, no captive-portal or
// connectivity probes, no DNS over HTTPS), so every connection the browser makes is one the
// lab serves, and the results do not depend on the network.

export function labPrefs(localHosts: readonly string[]): Record<string, string | number | boolean> {
  return {
    // The lab's host names resolve to 127.0.0.1.
    'network.dns.localDomains': localHosts.join(','),
    'network.trr.mode': 5,
    'network.proxy.type': 0,
    'security.OCSP.enabled': 0,
    'security.OCSP.require': false,
    'security.pki.crlite_mode': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'security.certerrors.mitm.priming.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'security.dialog_enable_delay': 0,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'app.update.enabled': false,
    'app.normandy.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'services.settings.server': 'data:,#remote-settings-disabled',
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'browser.newtabpage.enabled': false,
    'browser.startup.homepage': 'about:blank',
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'network.prefetch-next': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
  };
}
