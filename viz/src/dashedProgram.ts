/**
 * An edge program for ties drawn dashed (ties dissolved between two survey rounds): sigma's clamped arrow
 * (the line stops at the target's border, an arrowhead follows) with gaps cut in the line, so that a
 * dissolved tie differs from a kept or created one by its pattern and not by its colour alone.
 *
 * The distance along the tie is measured in units of the line's thickness (positions and thickness are in
 * the same space before sigma's matrix), so dashes keep their proportions at every zoom.
 */
import { createEdgeArrowHeadProgram, createEdgeClampedProgram, createEdgeCompoundProgram } from "sigma/rendering";

const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;
attribute float a_radius;
attribute float a_radiusCoef;

uniform mat3 u_matrix;
uniform float u_zoomRatio;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_lengthToThicknessRatio;
uniform float u_feather;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const float bias = 255.0 / 254.0;

void main() {
  float minThickness = u_minEdgeThickness;
  float radius = a_radius * a_radiusCoef;
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;
  float pixelsThickness = max(normalLength, minThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;
  float direction = sign(radius);
  float webGLNodeRadius = direction * radius * 2.0 * u_correctionRatio / u_sizeRatio;
  float webGLArrowHeadLength = webGLThickness * u_lengthToThicknessRatio * 2.0;
  vec2 compensationVector = vec2(-direction * unitNormal.y, direction * unitNormal.x) * (webGLNodeRadius + webGLArrowHeadLength);
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness + compensationVector, 1)).xy, 0, 1);
  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  // Distance from the source, in thicknesses (the end vertex is pulled back by the compensation vector).
  v_along = a_positionCoef * max(0.0, length(a_positionEnd - a_positionStart) - webGLNodeRadius - webGLArrowHeadLength) / max(webGLThickness, 1e-9);
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_along;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
// Dash and gap, in line thicknesses (the thickness is half the drawn width).
const float DASH = 7.0;
const float GAP = 5.0;

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (mod(v_along, DASH + GAP) > DASH) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const Clamped = createEdgeClampedProgram();
// The class sigma's factory returns is typed without its methods: extended through a constructor type.
const Base = Clamped as unknown as new (...args: never[]) => { getDefinition(): object };

const EdgeDashedClampedProgram = class extends Base {
  override getDefinition() {
    return { ...super.getDefinition(), VERTEX_SHADER_SOURCE: VERTEX, FRAGMENT_SHADER_SOURCE: FRAGMENT };
  }
} as unknown as typeof Clamped;

/** A dashed line with an arrowhead at the target. */
export const EdgeDashedArrowProgram = createEdgeCompoundProgram([EdgeDashedClampedProgram, createEdgeArrowHeadProgram()]);
