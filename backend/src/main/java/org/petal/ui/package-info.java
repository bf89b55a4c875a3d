/**
 * Petal's screens: Vaadin Flow views on Vaadin's prebuilt bundles (no Vaadin npm build; see
 * ../shared/docs/toolchain.md). Browser-side work lives in the petal-frontend jar's web components, which
 * the views load with {@code addJsModule("/petal/petal.js")} and configure through attributes. Views ask the
 * same services as the REST API, so rights are checked in one place.
 */
package org.petal.ui;
