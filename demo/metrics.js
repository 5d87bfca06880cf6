// Entropy Lens demo in JavaScript: typed arrays and plain arrays both work.
const target = [0.7, 0.2, 0.1];
const prediction = new Float32Array([0.6, 0.3, 0.1]);

// Logits: the hover shows the softmax they imply.
const scores = [3.2, 1.1, -0.4, 0.0];

module.exports = { target, prediction, scores };
