// Swagger UI over this coordinator's OpenAPI document. validatorUrl: null keeps the UI from sending the
// document to validator.swagger.io, and the base layout has no "Explore" bar for loading other documents:
// the docs talk to this coordinator only.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
