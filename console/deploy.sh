#!/usr/bin/env bash
# Uploads the agent console to a deployed stack: the built site (console/target/classes/helpdesk-console) to the
# stack's ConsoleBucket, plus the console/config.json this script writes from the stack's outputs (the API's URL,
# the Cognito hosted sign-in domain and the agents' app client), then invalidates the CloudFront cache.
#
#   ./mvnw -B -pl console package && console/deploy.sh <stack-name>
#
# Needs awscli with cloudformation:DescribeStacks, s3:ListBucket/PutObject/DeleteObject on the bucket and
# cloudfront:CreateInvalidation on the distribution. Run it after every `sam deploy` that changes the console or
# the outputs it reads.
set -euo pipefail

stack="${1:?usage: console/deploy.sh <stack-name>}"
site="$(cd "$(dirname "$0")" && pwd)/target/classes/helpdesk-console"
[ -f "$site/index.html" ] || { echo "no built console at $site: run ./mvnw -B -pl console package first" >&2; exit 1; }

output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
      --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
bucket="$(output ConsoleBucketName)"
distribution="$(output ConsoleDistributionId)"
console_url="$(output ConsoleUrl)"
api_url="$(output ApiUrl)"
auth_domain="$(output AuthDomain)"
client_id="$(output UserPoolClientId)"
for v in bucket distribution console_url api_url auth_domain client_id; do
  [ -n "${!v}" ] && [ "${!v}" != None ] || { echo "stack $stack has no output for $v: deploy this checkout's template.yaml first" >&2; exit 1; }
done

config="$(mktemp)"
trap 'rm -f "$config"' EXIT
printf '{"auth": "cognito", "apiUrl": "%s", "cognitoDomain": "%s", "clientId": "%s", "redirectUri": "%s"}\n' \
    "$api_url" "$auth_domain" "$client_id" "$console_url" > "$config"

# Content-named files (name.0123456789.js, written by the build's SiteBuilder) never change: a year, immutable.
# The rest (index.html, which names the current ones) no-cache: CloudFront and browsers revalidate it by its ETag,
# so a new version shows at once. The content-named files go first, so the new index.html never names a missing one.
hashed='*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].*'
aws s3 sync "$site" "s3://$bucket/" --exclude '*' --include "$hashed" --cache-control 'public, max-age=31536000, immutable'
aws s3 sync "$site" "s3://$bucket/" --delete --exclude console/config.json --exclude "$hashed" --cache-control no-cache
aws s3 cp "$config" "s3://$bucket/console/config.json" --content-type application/json --cache-control no-store
aws cloudfront create-invalidation --distribution-id "$distribution" --paths '/*' --query Invalidation.Id --output text
echo "console deployed: $console_url"
